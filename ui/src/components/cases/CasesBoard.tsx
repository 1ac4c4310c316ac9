import { Alert, Badge, Flex, Spin, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSummaryDto } from '../../bindings';
import { BOARD_GROUPS, groupForBoard } from './boardGroups';
import { CaseCard } from './CaseCard';

export type CasesBoardProps = {
  cases: CaseSummaryDto[];
  /** How many cases match; more than `cases` when the board shows only the most urgent. */
  total: number;
  loading: boolean;
  onOpen: (summary: CaseSummaryDto) => void;
};

/** Cases as cards in columns by stage: requested, awaiting return, in transit, received, rejected or escalated, done. */
export function CasesBoard({ cases, total, loading, onOpen }: CasesBoardProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const groups = groupForBoard(cases);
  return (
    <Spin spinning={loading}>
      <Flex vertical gap="middle">
        {total > cases.length && <Alert type="info" showIcon message={t('board.truncated', { shown: cases.length, total })} />}
        <Flex gap="small" style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="cases-board">
          {BOARD_GROUPS.map((group) => (
            <Flex
              key={group}
              vertical
              gap="small"
              data-testid={`board-column-${group}`}
              style={{
                flex: '1 0 180px',
                minWidth: 180,
                background: token.colorFillQuaternary,
                borderRadius: token.borderRadiusLG,
                padding: 8,
              }}
            >
              <Flex justify="space-between" align="center">
                <Typography.Text strong>{t(`board.${group}`)}</Typography.Text>
                <Badge count={groups[group].length} showZero color={token.colorTextTertiary} />
              </Flex>
              {groups[group].length === 0 ? (
                <Typography.Text type="secondary">{t('board.empty')}</Typography.Text>
              ) : (
                groups[group].map((summary) => <CaseCard key={summary.id} summary={summary} onOpen={onOpen} />)
              )}
            </Flex>
          ))}
        </Flex>
      </Flex>
    </Spin>
  );
}
