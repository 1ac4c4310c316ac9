import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BadRow, FieldColumn } from '../../bindings';
import { useFieldLabel } from './useFieldLabel';

type Row = { line: number; values: string[] };

/** The first rows as they will be read: one column per field the file has, bad rows' line numbers in red. */
export function ImportRows({ columns, rows, bad }: { columns: FieldColumn[]; rows: string[][]; bad: BadRow[] }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const badLines = new Set(bad.map((row) => row.line));
  const tableColumns: TableColumnsType<Row> = [
    {
      title: t('import.line'),
      key: 'line',
      width: 64,
      align: 'right',
      fixed: 'left',
      render: (_, row) => <Typography.Text type={badLines.has(row.line) ? 'danger' : 'secondary'}>{row.line}</Typography.Text>,
    },
    ...columns.flatMap((column, index) =>
      column.header === null
        ? []
        : [{ title: fieldLabel(column.field), key: column.field, render: (_: unknown, row: Row) => row.values[index] ?? '' }],
    ),
  ];
  // The header is line 1, so the first row is line 2: the numbering the bad rows use.
  const data = rows.map((values, index) => ({ line: index + 2, values }));
  return (
    <div data-testid="import-rows">
      <Table<Row>
        rowKey="line"
        size="small"
        columns={tableColumns}
        dataSource={data}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </div>
  );
}
