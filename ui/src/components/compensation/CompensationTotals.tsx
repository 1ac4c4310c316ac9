import { Card, Empty, Flex, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CarrierTotalDto } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';
import { COST_CARRIERS } from './compensationTypes';

function carrierRank(total: CarrierTotalDto): number {
  return COST_CARRIERS.indexOf(total.carrier);
}

/**
 * What each carrier bore, one figure per carrier and currency with how many entries made it: currencies are never
 * added together, so a carrier that paid in two currencies shows two figures.
 */
export function CompensationTotals({ totals, loading }: { totals: CarrierTotalDto[]; loading: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Same carrier side by side; the engine's order is kept within a carrier.
  const sorted = [...totals].sort((a, b) => carrierRank(a) - carrierRank(b));
  return (
    <Flex vertical gap="small" data-testid="compensation-totals">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('compensation.totals')}
      </Typography.Title>
      {loading && totals.length === 0 ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('compensation.noTotals')} />
      ) : (
        <Flex wrap gap="middle">
          {sorted.map((total) => (
            <Card
              key={`${total.carrier}-${total.currency}`}
              size="small"
              style={{ minWidth: 180 }}
              data-testid="compensation-total"
              data-carrier={total.carrier}
              data-currency={total.currency}
            >
              <Statistic
                title={t(`compensation.carrier.${total.carrier}`)}
                // Formatted from the decimal string: Statistic would otherwise read it as a number.
                value={total.amount}
                formatter={() => format.money(total.amount, total.currency)}
              />
              <Typography.Text type="secondary">{t('compensation.count', { count: total.count })}</Typography.Text>
            </Card>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
