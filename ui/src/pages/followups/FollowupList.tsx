import { Empty, Flex, Pagination, Spin } from 'antd';
import { useState } from 'react';
import type { FollowupDto, FollowupState } from '../../bindings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFollowups } from '../../hooks/useFollowups';
import { FollowupCard } from './FollowupCard';

/** Cards a page of the list shows: a queue of hundreds drawn at once holds the page's first paint. */
const PAGE = 20;

type FollowupListProps = {
  state: FollowupState;
  empty: string;
  /** Absent for done calls: there is nothing left to record. */
  onRecord?: (followup: FollowupDto) => void;
};

/**
 * The calls of one tab, in the engine's order (due: oldest first, so the overdue ones lead; done: newest first).
 * Each tab reads its own list when first shown.
 */
export function FollowupList({ state, empty, onRecord }: FollowupListProps) {
  const followups = useFollowups(state);
  const [page, setPage] = useState(1);
  const all = followups.data ?? [];
  // A call recorded on the last page can leave it empty: show the last page there is.
  const last = Math.max(1, Math.ceil(all.length / PAGE));
  const current = Math.min(page, last);
  if (followups.error !== null) {
    return <ErrorAlert error={followups.error} />;
  }
  return (
    <Spin spinning={followups.isLoading}>
      {followups.data !== undefined && followups.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <Flex vertical gap="small" style={{ minHeight: 48 }}>
          {all.slice((current - 1) * PAGE, current * PAGE).map((followup) => (
            <FollowupCard key={followup.id} followup={followup} onRecord={onRecord} />
          ))}
          {all.length > PAGE && (
            <Pagination size="small" align="end" current={current} pageSize={PAGE} total={all.length} showSizeChanger={false} onChange={setPage} />
          )}
        </Flex>
      )}
    </Spin>
  );
}
