import { Badge, Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueItemDto } from '../../bindings';
import { useNow } from '../../hooks/useNow';
import { Money } from '../Money';
import { CaseParty } from './CaseParty';
import { CaseShop } from './CaseShop';
import { CountdownChip } from './CountdownChip';
import { DUE_GROUPS, groupDue, type DueGroup } from './dueGroups';

/** Rows a group shows at once: as the other lists' pages (three groups of 50 rows held the page's first paint). */
const DUE_PAGE = 20;

const GROUP_COLORS: Record<DueGroup, string> = { overdue: 'red', next4h: 'orange', later: 'gold' };

/** Deadlines coming due, grouped overdue / next 4 hours / later; a click on a row opens its case. */
export function DueList({ items, loading, onOpen }: { items: DueItemDto[]; loading: boolean; onOpen: (caseId: number) => void }) {
  const { t } = useTranslation();
  const now = useNow();
  const groups = groupDue(items, now);
  const columns: TableColumnsType<DueItemDto> = [
    { title: t('due.column.deadline'), key: 'deadline', width: 150, render: (_, item) => <CountdownChip clock={item.clock} /> },
    { title: t('due.column.shop'), key: 'shop', width: 210, render: (_, item) => <CaseShop summary={item.case} /> },
    { title: t('due.column.order'), key: 'order', width: 150, render: (_, item) => <CaseParty summary={item.case} link /> },
    { title: t('due.column.kind'), key: 'kind', width: 170, render: (_, item) => t(`clockKind.${item.clock.kind}`) },
    { title: t('due.column.consequence'), key: 'consequence', render: (_, item) => t(`consequence.${item.clock.consequence}`) },
    {
      title: t('due.column.atStake'),
      key: 'at_stake',
      width: 120,
      align: 'right',
      render: (_, item) => <Money amount={item.case.at_stake} currency={item.case.currency} />,
    },
  ];
  if (!loading && items.length === 0) {
    return <Empty description={t('due.empty')} />;
  }
  return (
    <Flex vertical gap="large">
      {DUE_GROUPS.filter((group) => groups[group].length > 0 || loading).map((group) => (
        <div key={group} data-testid={`due-group-${group}`}>
          <Flex gap="small" align="center" style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t(`due.${group}`)}
            </Typography.Title>
            <Badge count={groups[group].length} showZero color={GROUP_COLORS[group]} />
          </Flex>
          <Table<DueItemDto>
            rowKey={(item) => item.clock.id}
            size="small"
            columns={columns}
            dataSource={groups[group]}
            loading={loading}
            // A long group pages in the window: hundreds of rows drawn at once hold the page's first paint.
            pagination={groups[group].length > DUE_PAGE ? { pageSize: DUE_PAGE, size: 'small', showSizeChanger: false } : false}
            tableLayout="fixed"
            onRow={(item) => rowProps(item, () => onOpen(item.case.id))}
          />
        </div>
      ))}
    </Flex>
  );
}

/** The row's platform and deadline ride on it as data attributes: the window test reads them as shown. */
function rowProps(item: DueItemDto, onClick: () => void): HTMLAttributes<HTMLElement> {
  const data = { 'data-testid': 'due-row', 'data-platform': item.case.platform, 'data-due': item.clock.due };
  return { ...data, onClick, style: { cursor: 'pointer' } };
}
