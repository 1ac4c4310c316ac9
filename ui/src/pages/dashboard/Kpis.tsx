import { Col, Flex, Row, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Durations, Metrics } from '../../bindings';
import { DASH } from '../../components/dash';
import { CategoryAverage } from './CategoryAverage';
import { windowLength } from './change';
import { sumRatios } from './format';
import { Kpi, MoneyList } from './Kpi';
import { DurationChange, MoneyChange, RatioChange } from './KpiChange';
import { useFigures } from './useFigures';

/** The KPI cards, each with its change against the window of the same length just before. */
export function Kpis({ metrics, shopId }: { metrics: Metrics; shopId: number | null }) {
  const { t } = useTranslation();
  const { percent, duration, fraction, format } = useFigures();
  const rate = metrics.intervention_rate;
  const clocks = sumRatios(metrics.clock_compliance.map((kind) => kind.compliance));
  const durations = (d: Durations) => (
    <Flex vertical>
      <Typography.Text type="secondary">{t('dashboard.p90', { p90: duration(d.p90_ms, DASH), k: format.count(d.count) })}</Typography.Text>
      {d.left_out > 0 && (
        <Typography.Text type="secondary" data-testid="kpi-left-out">
          {t('dashboard.leftOut', { k: format.count(d.left_out) })}
        </Typography.Text>
      )}
    </Flex>
  );
  // Undefined rather than null so every change line treats "no previous window" like "no data there".
  const before = metrics.previous ?? undefined;
  const days = windowLength(metrics);
  const items: { key: string; node: ReactNode }[] = [
    {
      key: 'intervention',
      node: (
        <Kpi
          testId="kpi-intervention"
          warning={metrics.intervention_warning}
          danger={metrics.intervention_warning}
          label={t('dashboard.kpi.intervention')}
          definition={t('dashboard.definition.intervention')}
          value={percent(rate.value)}
          change={<RatioChange now={rate} before={before?.intervention_rate} better="lower" days={days} />}
          extra={
            <Flex vertical gap={4}>
              <Typography.Text type="secondary">
                {t('dashboard.interventions', { n: format.count(rate.numerator) })} · {fraction(rate)}
              </Typography.Text>
              {metrics.intervention_second_cycle && (
                <span>
                  <Tooltip title={t('dashboard.secondCycleHint')}>
                    <Tag color="red" data-testid="second-cycle">
                      {t('dashboard.secondCycle')}
                    </Tag>
                  </Tooltip>
                </span>
              )}
              {metrics.intervention_top3_unknown && (
                <Typography.Text type="secondary" data-testid="top3-unknown">
                  {t('dashboard.top3Unknown')}
                </Typography.Text>
              )}
              {shopId !== null && <CategoryAverage key={shopId} shopId={shopId} average={metrics.intervention_average} />}
            </Flex>
          }
        />
      ),
    },
    {
      key: 'first_response',
      node: (
        <Kpi
          testId="kpi-first-response"
          label={t('dashboard.kpi.firstResponse')}
          definition={t('dashboard.definition.firstResponse')}
          value={duration(metrics.first_response.median_ms)}
          change={<DurationChange now={metrics.first_response} before={before?.first_response} better="lower" days={days} />}
          extra={durations(metrics.first_response)}
        />
      ),
    },
    {
      key: 'clocks',
      node: (
        <Kpi
          testId="kpi-clocks"
          label={t('dashboard.kpi.clocks')}
          definition={t('dashboard.definition.clocks')}
          value={percent(clocks.value)}
          change={
            <RatioChange
              now={clocks}
              before={before && sumRatios(before.clock_compliance.map((kind) => kind.compliance))}
              better="higher"
              days={days}
            />
          }
          extra={
            <Typography.Text type="secondary">
              {fraction(clocks)} · {t('dashboard.breaches', { n: format.count(metrics.clocks_breached) })}
            </Typography.Text>
          }
        />
      ),
    },
    {
      key: 'auto_refunded',
      node: (
        <Kpi
          testId="kpi-auto-refunded"
          label={t('dashboard.kpi.autoRefunded')}
          definition={t('dashboard.definition.autoRefunded')}
          value={<MoneyList items={metrics.auto_refunded} />}
          change={<MoneyChange now={metrics.auto_refunded} before={before?.auto_refunded} better="lower" days={days} />}
        />
      ),
    },
    {
      key: 'refund_rate',
      node: (
        <Kpi
          testId="kpi-refund-rate"
          label={t('dashboard.kpi.refundRate')}
          definition={t('dashboard.definition.refundRate')}
          value={percent(metrics.refund_rate.value)}
          change={<RatioChange now={metrics.refund_rate} before={before?.refund_rate} better="lower" days={days} />}
          extra={<Typography.Text type="secondary">{fraction(metrics.refund_rate)}</Typography.Text>}
        />
      ),
    },
    {
      key: 'resolution',
      node: (
        <Kpi
          testId="kpi-resolution"
          label={t('dashboard.kpi.resolution')}
          definition={t('dashboard.definition.resolution')}
          value={duration(metrics.resolution.median_ms)}
          change={<DurationChange now={metrics.resolution} before={before?.resolution} better="lower" days={days} />}
          extra={durations(metrics.resolution)}
        />
      ),
    },
    {
      key: 'repair_turnaround',
      node: (
        <Kpi
          testId="kpi-repair-turnaround"
          label={t('dashboard.kpi.repairTurnaround')}
          definition={t('dashboard.definition.repairTurnaround')}
          value={duration(metrics.repair_turnaround.median_ms)}
          change={<DurationChange now={metrics.repair_turnaround} before={before?.repair_turnaround} better="lower" days={days} />}
          extra={
            <Typography.Text type="secondary">
              {t('dashboard.pastDue', { rate: percent(metrics.repairs_past_due.value, DASH) })} · {fraction(metrics.repairs_past_due)}
            </Typography.Text>
          }
        />
      ),
    },
    {
      key: 'repeat_repairs',
      node: (
        <Kpi
          testId="kpi-repeat-repairs"
          label={t('dashboard.kpi.repeatRepairs')}
          definition={t('dashboard.definition.repeatRepairs')}
          value={percent(metrics.repeat_repairs.value)}
          change={<RatioChange now={metrics.repeat_repairs} before={before?.repeat_repairs} better="lower" days={days} />}
          extra={<Typography.Text type="secondary">{fraction(metrics.repeat_repairs)}</Typography.Text>}
        />
      ),
    },
    {
      key: 'csat',
      node: (
        <Kpi
          testId="kpi-csat"
          label={t('dashboard.kpi.csat')}
          definition={t('dashboard.definition.csat')}
          value={percent(metrics.csat.value)}
          change={<RatioChange now={metrics.csat} before={before?.csat} better="higher" days={days} />}
          extra={<Typography.Text type="secondary">{fraction(metrics.csat)}</Typography.Text>}
        />
      ),
    },
    {
      key: 'cost',
      node: (
        <Kpi
          testId="kpi-cost"
          label={t('dashboard.kpi.cost')}
          definition={t('dashboard.definition.cost')}
          value={<MoneyList items={metrics.cost} />}
          change={<MoneyChange now={metrics.cost} before={before?.cost} better="lower" days={days} />}
        />
      ),
    },
  ];
  return (
    <Row gutter={[12, 12]}>
      {items.map((item) => (
        <Col key={item.key} xs={24} sm={12} lg={8} xl={6}>
          {item.node}
        </Col>
      ))}
    </Row>
  );
}
