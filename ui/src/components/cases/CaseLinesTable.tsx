import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseLineDto } from '../../bindings';
import { DASH } from '../dash';

type KeyedLine = CaseLineDto & { key: number };

/** The items a case is about, with how many came back and how many of those are damaged. */
export function CaseLinesTable({ lines }: { lines: CaseLineDto[] }) {
  const { t } = useTranslation();
  // Lines have no id of their own: their place in the case is their key.
  const rows: KeyedLine[] = lines.map((line, index) => ({ ...line, key: index }));
  const columns: TableColumnsType<KeyedLine> = [
    { title: t('case.lineSku'), key: 'sku', render: (_, line) => line.sku ?? DASH },
    { title: t('case.lineTitle'), key: 'title', dataIndex: 'title' },
    { title: t('case.lineQuantity'), key: 'quantity', dataIndex: 'quantity', align: 'right' },
    { title: t('case.lineReceived'), key: 'received', dataIndex: 'received_qty', align: 'right' },
    {
      title: t('case.lineDamaged'),
      key: 'damaged',
      align: 'right',
      render: (_, line) =>
        line.damaged_qty > 0 ? <Typography.Text type="danger">{line.damaged_qty}</Typography.Text> : line.damaged_qty,
    },
  ];
  return (
    <div data-testid="case-lines">
      <Typography.Title level={5}>{t('case.lines')}</Typography.Title>
      <Table<KeyedLine>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('case.noLines') }}
      />
    </div>
  );
}
