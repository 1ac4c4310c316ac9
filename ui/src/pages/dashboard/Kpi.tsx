import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';

/** One figure: its name with the definition on a tooltip, the value, its change, and what it rests on. */
export function Kpi({
  label,
  definition,
  value,
  change,
  danger = false,
  extra,
  testId,
  warning,
}: {
  label: string;
  definition: string;
  value: ReactNode;
  change?: ReactNode;
  danger?: boolean;
  extra?: ReactNode;
  testId?: string;
  warning?: boolean;
}) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId} data-warning={warning === undefined ? undefined : String(warning)}>
      <Flex vertical gap={4}>
        <Flex gap={6} align="center">
          <Typography.Text type="secondary">{label}</Typography.Text>
          <Tooltip title={definition}>
            <QuestionCircleOutlined aria-label={definition} style={{ color: 'rgba(0,0,0,0.45)' }} />
          </Tooltip>
        </Flex>
        <Typography.Text strong type={danger ? 'danger' : undefined} style={{ fontSize: 24 }} data-testid="kpi-value">
          {value}
        </Typography.Text>
        {change}
        {extra}
      </Flex>
    </Card>
  );
}

/** Money one line per currency: currencies are never added together. */
export function MoneyList({ items }: { items: Money[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (items.length === 0) return t('dashboard.noData');
  return (
    <Flex vertical>
      {items.map((money) => (
        <span key={money.currency} data-testid="money" data-currency={money.currency}>
          {format.money(money.amount, money.currency)}
        </span>
      ))}
    </Flex>
  );
}
