import { Button, Flex, Popconfirm, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { WarrantyPolicyDto } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';
import { CostTerms } from './CostTerms';
import { WIDE_TABLE } from '../wideTable';

export type PoliciesTableProps = {
  policies: WarrantyPolicyDto[];
  loading: boolean;
  /** The policy whose retirement the engine has not answered yet, if any. */
  retiring: number | null;
  onEdit: (policy: WarrantyPolicyDto) => void;
  onRetire: (policy: WarrantyPolicyDto) => void;
};

/** The policies in force: what each covers, for how long, its 三包 stages, and how many units it holds. */
export function PoliciesTable({ policies, loading, retiring, onEdit, onRetire }: PoliciesTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns: TableColumnsType<WarrantyPolicyDto> = [
    { title: t('warranty.policies.column.name'), key: 'name', render: (_, policy) => <Typography.Text strong>{policy.name}</Typography.Text> },
    {
      title: t('warranty.policies.column.scope'),
      key: 'scope',
      render: (_, policy) => t('warranty.policies.scopeValue', { scope: t(`warranty.policies.scope.${policy.scope}`), value: policy.scope_value }),
    },
    { title: t('warranty.policies.column.shop'), key: 'shop', render: (_, policy) => policy.shop ?? t('warranty.policies.allShops') },
    {
      title: t('warranty.policies.column.period'),
      key: 'period',
      render: (_, policy) => t(`warranty.policies.period.${policy.period_unit}`, { count: policy.period_count }),
    },
    {
      title: t('warranty.policies.column.sanbao'),
      key: 'sanbao',
      render: (_, policy) => t('warranty.policies.sanbaoDays', { returnDays: policy.return_days, exchangeDays: policy.exchange_days }),
    },
    {
      title: t('warranty.policies.column.cost'),
      key: 'cost',
      render: (_, policy) => <CostTerms labourFree={policy.labour_free} partsFree={policy.parts_free} />,
    },
    {
      title: t('warranty.policies.column.replacement'),
      key: 'replacement',
      render: (_, policy) => t(`warranty.policies.replacement.${policy.replacement}`),
    },
    {
      title: t('warranty.policies.column.version'),
      key: 'version',
      render: (_, policy) => (
        <Flex vertical>
          <span data-testid="policy-version">{t('warranty.policies.version', { version: policy.version })}</span>
          {policy.effective_from !== null && (
            <Typography.Text type="secondary">{t('warranty.policies.since', { date: format.date(policy.effective_from) })}</Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('warranty.policies.column.units'), key: 'units', align: 'right', render: (_, policy) => format.count(policy.units) },
    {
      title: t('warranty.policies.column.actions'),
      key: 'actions',
      render: (_, policy) => (
        <Flex gap="small">
          <Button size="small" data-testid="policy-edit" onClick={() => onEdit(policy)}>
            {t('warranty.policies.edit')}
          </Button>
          <Popconfirm
            title={t('warranty.policies.retireConfirm', { name: policy.name })}
            description={t('warranty.policies.retireHelp')}
            okText={t('warranty.policies.retire')}
            okButtonProps={{ danger: true }}
            cancelText={t('app.cancel')}
            onConfirm={() => onRetire(policy)}
          >
            <Button size="small" danger data-testid="policy-retire" loading={retiring === policy.id}>
              {t('warranty.policies.retire')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];
  return (
    <Table<WarrantyPolicyDto>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={policies}
      loading={loading}
      className={WIDE_TABLE}
      pagination={false}
      locale={{ emptyText: t('warranty.policies.empty') }}
      onRow={(policy) => rowProps(policy)}
    />
  );
}

/** Row attributes: a table row takes data attributes, which `HTMLAttributes` does not list. */
type RowAttributes = HTMLAttributes<HTMLElement> & { [attribute: `data-${string}`]: string | number };

function rowProps(policy: WarrantyPolicyDto): RowAttributes {
  return { 'data-testid': 'policy-row', 'data-family-id': policy.family_id };
}
