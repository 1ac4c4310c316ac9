import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BadRow } from '../../bindings';

/** Rows the engine cannot import: the line in the file (the header is line 1) and why. */
export function BadRowsTable({ rows, testId }: { rows: BadRow[]; testId: string }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<BadRow> = [
    { title: t('import.line'), key: 'line', dataIndex: 'line', width: 72, align: 'right' },
    { title: t('import.reason'), key: 'reason', dataIndex: 'reason' },
  ];
  return (
    <div data-testid={testId}>
      <Table<BadRow>
        rowKey="line"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      />
    </div>
  );
}
