import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DASH } from './dash';

const FINANCIAL_COLORS = {
  pending: 'gold',
  authorized: 'blue',
  partially_paid: 'gold',
  paid: 'green',
  partially_refunded: 'orange',
  refunded: 'red',
  voided: 'default',
} as const;

const FULFILLMENT_COLORS = {
  fulfilled: 'green',
  partial: 'blue',
  unfulfilled: 'default',
  restocked: 'purple',
} as const;

function isKnown<K extends string>(colors: Record<K, string>, status: string): status is K {
  return Object.hasOwn(colors, status);
}

/** A Shopify financial status, translated when known and shown verbatim otherwise. */
export function FinancialStatusTag({ status }: { status: string | null }) {
  const { t } = useTranslation();
  if (status === null) {
    return DASH;
  }
  if (!isKnown(FINANCIAL_COLORS, status)) {
    return <Tag>{status}</Tag>;
  }
  return <Tag color={FINANCIAL_COLORS[status]}>{t(`financialStatus.${status}`)}</Tag>;
}

/** A Shopify fulfillment status; Shopify sends null for an order nothing of which has shipped. */
export function FulfillmentStatusTag({ status }: { status: string | null }) {
  const { t } = useTranslation();
  const value = status ?? 'unfulfilled';
  if (!isKnown(FULFILLMENT_COLORS, value)) {
    return <Tag>{value}</Tag>;
  }
  return <Tag color={FULFILLMENT_COLORS[value]}>{t(`fulfillmentStatus.${value}`)}</Tag>;
}
