import { Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { KeyRate } from '../../bindings';
import { DASH } from '../../components/dash';
import { useLanguage } from '../../i18n/useLanguage';
import { keyRateName } from './keyRateName';
import { useFigures } from './useFigures';
import { numberFormat } from '../../i18n/format';

/** Return reasons or SKUs in the engine's order (by priority), a named reason with its code beneath. */
export function KeyRateTable({ rows, keyTitle, testId }: { rows: KeyRate[]; keyTitle: string; testId: string }) {
  const { t } = useTranslation();
  const { percent, format } = useFigures();
  const language = useLanguage();
  const priority = numberFormat(language, { maximumSignificantDigits: 3 });
  const columns: ColumnsType<KeyRate> = [
    {
      title: keyTitle,
      key: 'key',
      render: (_, row) => {
        const name = keyRateName(row, language);
        return name === row.key ? (
          <span data-testid="key-name">{name}</span>
        ) : (
          <Flex vertical>
            <span data-testid="key-name">{name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="key-code">
              {row.key}
            </Typography.Text>
          </Flex>
        );
      },
    },
    { title: t('dashboard.column.cases'), key: 'cases', align: 'right', render: (_, row) => format.count(row.rate.numerator) },
    { title: t('dashboard.column.base'), key: 'base', align: 'right', render: (_, row) => format.count(row.rate.denominator) },
    { title: t('dashboard.column.rate'), key: 'rate', align: 'right', render: (_, row) => percent(row.rate.value, DASH) },
    {
      title: t('dashboard.column.priority'),
      key: 'priority',
      align: 'right',
      render: (_, row) => (row.priority === null ? DASH : priority.format(row.priority)),
    },
  ];
  return (
    <div data-testid={testId}>
      <Table<KeyRate> size="small" rowKey="key" columns={columns} dataSource={rows} pagination={false} />
    </div>
  );
}
