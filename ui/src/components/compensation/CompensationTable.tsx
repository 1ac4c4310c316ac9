import { Table, Tag, type TableColumnsType } from 'antd';
import { LinkText } from '../Cell';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompensationDto, CompensationKind } from '../../bindings';
import { DASH } from '../dash';
import { DateTime } from '../DateTime';
import { Money } from '../Money';
import { WIDE_TABLE } from '../wideTable';

export const PAGE_SIZES = [50, 100, 200];
export const DEFAULT_PAGE_SIZE = 50;

const KIND_COLORS: Record<CompensationKind, string> = { refund: 'red', reship: 'blue', coupon: 'gold', cash: 'volcano' };

export type CompensationTableProps = {
  items: CompensationDto[];
  loading: boolean;
  /** Inside a case: the shop and the case are that case's, so those columns are left out. */
  withinCase?: boolean;
  /** Opens the case an entry belongs to; without it the case number is plain text. */
  onOpenCase?: (caseId: number) => void;
  testId?: string;
  /** The ledger's pages, read from the engine a page at a time; absent: every entry given is shown. */
  paging?: { page: number; pageSize: number; total: number; onChange: (page: number, pageSize: number) => void };
};

/** Compensation entries, newest first as the engine answers them. */
export function CompensationTable({ items, loading, withinCase = false, onOpenCase, testId, paging }: CompensationTableProps) {
  const { t } = useTranslation();
  const caseCell = (caseId: number | null) => {
    if (caseId === null) return DASH;
    const label = t('compensation.caseNumber', { id: caseId });
    return onOpenCase ? <LinkText onClick={() => onOpenCase(caseId)}>{label}</LinkText> : label;
  };
  const columns: TableColumnsType<CompensationDto> = [
    { title: t('compensation.column.at'), key: 'at', render: (_, item) => <DateTime value={item.at} /> },
    ...(withinCase
      ? []
      : ([
          { title: t('compensation.column.shop'), key: 'shop', dataIndex: 'shop' },
          { title: t('compensation.column.case'), key: 'case', render: (_, item) => caseCell(item.case_id) },
        ] satisfies TableColumnsType<CompensationDto>)),
    {
      title: t('compensation.column.kind'),
      key: 'kind',
      render: (_, item) => <Tag color={KIND_COLORS[item.kind]}>{t(`compensation.kind.${item.kind}`)}</Tag>,
    },
    {
      title: t('compensation.column.amount'),
      key: 'amount',
      align: 'right',
      render: (_, item) => <Money amount={item.amount} currency={item.currency} />,
    },
    { title: t('compensation.column.carrier'), key: 'carrier', render: (_, item) => t(`compensation.carrier.${item.carrier}`) },
    { title: t('compensation.column.reason'), key: 'reason', dataIndex: 'reason' },
    { title: t('compensation.column.note'), key: 'note', render: (_, item) => item.note ?? DASH },
  ];
  return (
    <div data-testid={testId}>
      <Table<CompensationDto>
        rowKey="id"
        size={withinCase ? 'small' : 'middle'}
        columns={columns}
        dataSource={items}
        loading={loading}
        className={WIDE_TABLE}
        locale={{ emptyText: t('compensation.empty') }}
        pagination={
          paging === undefined
            ? false
            : {
                current: paging.page,
                pageSize: paging.pageSize,
                total: paging.total,
                hideOnSinglePage: paging.pageSize === DEFAULT_PAGE_SIZE,
                showSizeChanger: true,
                pageSizeOptions: PAGE_SIZES,
                onChange: paging.onChange,
              }
        }
        onRow={() => ({ 'data-testid': 'compensation-row' }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
