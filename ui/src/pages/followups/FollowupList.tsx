import { Empty, Flex, Spin } from 'antd';
import type { FollowupDto, FollowupState } from '../../bindings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFollowups } from '../../hooks/useFollowups';
import { FollowupCard } from './FollowupCard';

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
  if (followups.error !== null) {
    return <ErrorAlert error={followups.error} />;
  }
  return (
    <Spin spinning={followups.isLoading}>
      {followups.data !== undefined && followups.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <Flex vertical gap="small" style={{ minHeight: 48 }}>
          {(followups.data ?? []).map((followup) => (
            <FollowupCard key={followup.id} followup={followup} onRecord={onRecord} />
          ))}
        </Flex>
      )}
    </Spin>
  );
}
