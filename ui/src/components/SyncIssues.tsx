import { ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShopDto, SyncIssueDto } from '../bindings';
import { useFormat } from '../i18n/useFormat';

/** A shop whose syncs set records aside: the row says so and its expansion lists them. */
export const hasSyncIssues = (shop: ShopDto) => shop.sync.unreadable > 0 || shop.sync.conflicts > 0 || shop.sync.flagged > 0;

/** One line in the shop's row: how many records could not be read, and how many were kept with a note. */
export function SyncIssuesSummary({ shop }: { shop: ShopDto }) {
  const { t } = useTranslation();
  const { unreadable, conflicts, flagged } = shop.sync;
  return (
    <Flex vertical data-testid="sync-issues-summary">
      {unreadable > 0 && (
        <Typography.Text type="warning">
          <WarningOutlined /> {t('syncIssues.unreadable', { count: unreadable })}
        </Typography.Text>
      )}
      {conflicts > 0 && <Typography.Text type="warning">{t('syncIssues.conflicts', { count: conflicts })}</Typography.Text>}
      {flagged > 0 && <Typography.Text type="secondary">{t('syncIssues.flagged', { count: flagged })}</Typography.Text>}
    </Flex>
  );
}

const STATUS_COLOR: Record<string, string> = { unreadable: 'error', conflict: 'warning', flagged: 'default' };

export type SyncIssuesPanelProps = {
  shop: ShopDto;
  issues: SyncIssueDto[];
  loading: boolean;
  retrying: boolean;
  onRetry: () => void;
};

/**
 * The records the shop's syncs set aside, each with the engine's reason, and "Read again" while some could not
 * be read. The reasons are the engine's words (English, technical), shown as they are.
 */
export function SyncIssuesPanel({ shop, issues, loading, retrying, onRetry }: SyncIssuesPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns: TableColumnsType<SyncIssueDto> = [
    {
      title: t('syncIssues.status'),
      key: 'status',
      width: 112,
      render: (_, issue) => <Tag color={STATUS_COLOR[issue.status] ?? 'default'}>{t(`syncIssues.statusName.${issue.status}`, issue.status)}</Tag>,
    },
    {
      title: t('syncIssues.record'),
      key: 'record',
      width: 180,
      render: (_, issue) => (
        <Typography.Text ellipsis={{ tooltip: issue.external_id ?? '' }}>
          {t(`syncIssues.kind.${issue.kind}`, issue.kind)} {issue.external_id ?? t('syncIssues.noId')}
        </Typography.Text>
      ),
    },
    { title: t('syncIssues.reason'), key: 'reason', render: (_, issue) => <Typography.Text code>{issue.reason}</Typography.Text> },
    { title: t('syncIssues.attempts'), key: 'attempts', width: 80, align: 'right', render: (_, issue) => format.count(issue.attempts) },
    { title: t('syncIssues.lastSeen'), key: 'last_seen', width: 140, render: (_, issue) => format.relative(issue.last_seen_at) },
  ];
  return (
    <Flex vertical gap={8} data-testid="sync-issues">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text type="secondary">{t('syncIssues.explain')}</Typography.Text>
        {shop.sync.unreadable > 0 && (
          <Button icon={<ReloadOutlined />} loading={retrying} disabled={shop.sync.running} onClick={onRetry}>
            {t('syncIssues.retry')}
          </Button>
        )}
      </Flex>
      <Table<SyncIssueDto>
        rowKey="id"
        size="small"
        tableLayout="fixed"
        columns={columns}
        dataSource={issues}
        loading={loading}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
      />
    </Flex>
  );
}
