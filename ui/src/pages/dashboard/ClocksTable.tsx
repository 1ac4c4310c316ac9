import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { KindCompliance } from '../../bindings';
import { DASH } from '../../components/dash';
import { useFigures } from './useFigures';
import { useKindName } from './useKindName';

export function ClocksTable({ rows }: { rows: KindCompliance[] }) {
  const { t } = useTranslation();
  const { percent, format } = useFigures();
  const kindName = useKindName();
  const columns: ColumnsType<KindCompliance> = [
    { title: t('dashboard.column.kind'), key: 'kind', render: (_, row) => kindName(row.kind) },
    { title: t('dashboard.column.met'), key: 'met', align: 'right', render: (_, row) => format.count(row.compliance.numerator) },
    { title: t('dashboard.column.judged'), key: 'judged', align: 'right', render: (_, row) => format.count(row.compliance.denominator) },
    { title: t('dashboard.column.compliance'), key: 'compliance', align: 'right', render: (_, row) => percent(row.compliance.value, DASH) },
    { title: t('dashboard.column.breached'), key: 'breached', align: 'right', render: (_, row) => format.count(row.breached) },
  ];
  return (
    <div data-testid="clocks-table">
      <Table<KindCompliance> size="small" rowKey="kind" columns={columns} dataSource={rows} pagination={false} />
    </div>
  );
}
