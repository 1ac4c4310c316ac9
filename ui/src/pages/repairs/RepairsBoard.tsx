import { Alert, Badge, Button, Flex, Spin, theme, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepairStatus, RepairSummaryDto, RepairsPage } from '../../bindings';
import { DONE_STATUS } from './boardQueries';
import { RepairCard } from './RepairCard';
import { REPAIR_STATUSES } from './repairStatuses';

/**
 * Cards a column shows before "show more": a column of hundreds of tickets drawn at once would hold the board's
 * first paint for seconds, and nobody reads past the first screenful without looking for one (the search does).
 */
export const CARDS_SHOWN = 30;

export type RepairsBoardProps = {
  /** Every ticket still in the shop (all but handed back); its total is more than shown only past the engine's limit. */
  open: RepairsPage;
  /** The newest handed-back tickets; its total counts them all. */
  done: RepairsPage;
  loading: boolean;
  onOpen: (repair: RepairSummaryDto) => void;
};

function byStatus(repairs: RepairSummaryDto[]): Record<RepairStatus, RepairSummaryDto[]> {
  const columns = Object.fromEntries(REPAIR_STATUSES.map((status) => [status, [] as RepairSummaryDto[]])) as Record<
    RepairStatus,
    RepairSummaryDto[]
  >;
  for (const repair of repairs) {
    columns[repair.status].push(repair);
  }
  return columns;
}

/**
 * Tickets as cards in one column per status, in the order the work flows; each column keeps the engine's order. A
 * column counts every ticket of its status, also the handed-back ones not shown.
 */
export function RepairsBoard({ open, done, loading, onOpen }: RepairsBoardProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const columns = byStatus([...open.repairs, ...done.repairs]);
  const count = (status: RepairStatus) => (status === DONE_STATUS ? done.total : columns[status].length);
  const [shown, setShown] = useState<Partial<Record<RepairStatus, number>>>({});
  const limitOf = (status: RepairStatus) => shown[status] ?? CARDS_SHOWN;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap="middle">
        {open.total > open.repairs.length && (
          <Alert type="warning" showIcon data-testid="repairs-truncated" message={t('repairs.truncated', { shown: open.repairs.length, total: open.total })} />
        )}
        <Flex gap="small" style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="repairs-board">
          {REPAIR_STATUSES.map((status) => (
            <Flex
              key={status}
              vertical
              gap="small"
              data-testid={`repairs-column-${status}`}
              style={{
                flex: '1 0 140px',
                minWidth: 140,
                background: token.colorFillQuaternary,
                borderRadius: token.borderRadiusLG,
                padding: 8,
              }}
            >
              <Flex justify="space-between" align="center">
                <Typography.Text strong>{t(`repairs.status.${status}`)}</Typography.Text>
                <Badge count={count(status)} overflowCount={99_999} showZero color={token.colorTextTertiary} />
              </Flex>
              {status === DONE_STATUS && done.total > done.repairs.length && (
                <Typography.Text type="secondary" data-testid="repairs-done-newest">
                  {t('repairs.doneNewest', { shown: done.repairs.length })}
                </Typography.Text>
              )}
              {columns[status].length === 0 ? (
                <Typography.Text type="secondary">{t('repairs.columnEmpty')}</Typography.Text>
              ) : (
                columns[status].slice(0, limitOf(status)).map((repair) => <RepairCard key={repair.id} repair={repair} onOpen={onOpen} />)
              )}
              {columns[status].length > limitOf(status) && (
                <Button
                  size="small"
                  type="link"
                  data-testid={`repairs-more-${status}`}
                  onClick={() => setShown((s) => ({ ...s, [status]: limitOf(status) + CARDS_SHOWN }))}
                >
                  {t('repairs.showMore', { count: Math.min(CARDS_SHOWN, columns[status].length - limitOf(status)) })}
                </Button>
              )}
            </Flex>
          ))}
        </Flex>
      </Flex>
    </Spin>
  );
}
