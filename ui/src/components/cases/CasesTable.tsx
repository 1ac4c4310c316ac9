import { Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummaryDto } from '../../bindings';
import { DateTime } from '../DateTime';
import { Money } from '../Money';
import { CaseParty } from './CaseParty';
import { CaseShop } from './CaseShop';
import { CaseStatusTag } from './CaseStatusTag';
import { NextDeadline } from './NextDeadline';
import { WIDE_TABLE } from '../wideTable';

export type CasesTableProps = {
  cases: CaseSummaryDto[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (summary: CaseSummaryDto) => void;
};

/** One page of cases, most urgent first, with server-side pagination; a click on a row opens the case. */
export function CasesTable({ cases, total, page, pageSize, loading, onPageChange, onOpen }: CasesTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<CaseSummaryDto> = [
    { title: t('cases.column.case'), key: 'case', render: (_, summary) => <CaseParty summary={summary} link /> },
    { title: t('cases.column.shop'), key: 'shop', render: (_, summary) => <CaseShop summary={summary} /> },
    { title: t('cases.column.type'), key: 'type', render: (_, summary) => t(`caseType.${summary.case_type}`) },
    { title: t('cases.column.status'), key: 'status', render: (_, summary) => <CaseStatusTag status={summary.status} /> },
    {
      title: t('cases.column.atStake'),
      key: 'at_stake',
      align: 'right',
      render: (_, summary) => <Money amount={summary.at_stake} currency={summary.currency} />,
    },
    { title: t('cases.column.deadline'), key: 'deadline', render: (_, summary) => <NextDeadline summary={summary} /> },
    { title: t('cases.column.opened'), key: 'opened', render: (_, summary) => <DateTime value={summary.opened_at} /> },
  ];
  return (
    <Table<CaseSummaryDto>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={cases}
      loading={loading}
      className={WIDE_TABLE}
      locale={{ emptyText: t('cases.empty') }}
      onRow={(summary) => rowProps(() => onOpen(summary))}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (count) => t('cases.total', { count }),
        onChange: onPageChange,
      }}
    />
  );
}

function rowProps(onClick: () => void): HTMLAttributes<HTMLElement> {
  const testId = { 'data-testid': 'case-row' };
  return { ...testId, onClick, style: { cursor: 'pointer' } };
}
