import { Alert, Badge, Flex, Spin, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairStatus, RepairSummaryDto } from '../../bindings';
import { RepairCard } from './RepairCard';
import { REPAIR_STATUSES } from './repairStatuses';

export type RepairsBoardProps = {
  repairs: RepairSummaryDto[];
  /** How many tickets match; more than `repairs` when the board shows only the newest. */
  total: number;
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

/** Tickets as cards in one column per status, in the order the work flows; each column keeps the engine's order. */
export function RepairsBoard({ repairs, total, loading, onOpen }: RepairsBoardProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const columns = byStatus(repairs);
  return (
    <Spin spinning={loading}>
      <Flex vertical gap="middle">
        {total > repairs.length && (
          <Alert type="info" showIcon message={t('repairs.truncated', { shown: repairs.length, total })} />
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
                <Badge count={columns[status].length} showZero color={token.colorTextTertiary} />
              </Flex>
              {columns[status].length === 0 ? (
                <Typography.Text type="secondary">{t('repairs.columnEmpty')}</Typography.Text>
              ) : (
                columns[status].map((repair) => <RepairCard key={repair.id} repair={repair} onOpen={onOpen} />)
              )}
            </Flex>
          ))}
        </Flex>
      </Flex>
    </Spin>
  );
}
