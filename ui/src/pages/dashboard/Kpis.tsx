import { Col, Flex, Row, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Durations, Metrics, Money, Ratio } from '../../bindings';
import { DASH } from '../../components/dash';
import { CategoryAverage } from './CategoryAverage';
import { windowLength } from './change';
import { sumRatios } from './format';
import { Kpi, MoneyList } from './Kpi';
import { DurationChange, MoneyChange, RatioChange } from './KpiChange';
import { useFigures } from './useFigures';

type Better = 'lower' | 'higher';
type FigureId = 'intervention' | 'firstResponse' | 'clocks' | 'autoRefunded' | 'refundRate' | 'resolution' | 'repairTurnaround' | 'repeatRepairs' | 'csat' | 'cost';
type Shown = { id: FigureId; better: Better; warning?: boolean; extra?: ReactNode };
/** One card's figure: a rate, a duration or sums of money, read alike from a window and the one before it. */
type Figure =
  | (Shown & { kind: 'ratio'; of: (m: Metrics) => Ratio })
  | (Shown & { kind: 'duration'; of: (m: Metrics) => Durations })
  | (Shown & { kind: 'money'; of: (m: Metrics) => Money[] });

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
  const fractionLine = (ratio: Ratio) => <Typography.Text type="secondary">{fraction(ratio)}</Typography.Text>;
  // Each card: its figure (read the same way from this window and the one before), which way is better, and what
  // it shows under the figure. Label, definition and test id follow from the id.
  const figures: Figure[] = [
    {
      id: 'intervention',
      kind: 'ratio',
      of: (m) => m.intervention_rate,
      better: 'lower',
      warning: metrics.intervention_warning,
      extra: (
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
      ),
    },
    { id: 'firstResponse', kind: 'duration', of: (m) => m.first_response, better: 'lower', extra: durations(metrics.first_response) },
    {
      id: 'clocks',
      kind: 'ratio',
      of: (m) => sumRatios(m.clock_compliance.map((kind) => kind.compliance)),
      better: 'higher',
      extra: (
        <Typography.Text type="secondary">
          {fraction(clocks)} · {t('dashboard.breaches', { n: format.count(metrics.clocks_breached) })}
        </Typography.Text>
      ),
    },
    { id: 'autoRefunded', kind: 'money', of: (m) => m.auto_refunded, better: 'lower' },
    { id: 'refundRate', kind: 'ratio', of: (m) => m.refund_rate, better: 'lower', extra: fractionLine(metrics.refund_rate) },
    { id: 'resolution', kind: 'duration', of: (m) => m.resolution, better: 'lower', extra: durations(metrics.resolution) },
    {
      id: 'repairTurnaround',
      kind: 'duration',
      of: (m) => m.repair_turnaround,
      better: 'lower',
      extra: (
        <Typography.Text type="secondary">
          {t('dashboard.pastDue', { rate: percent(metrics.repairs_past_due.value, DASH) })} · {fraction(metrics.repairs_past_due)}
        </Typography.Text>
      ),
    },
    { id: 'repeatRepairs', kind: 'ratio', of: (m) => m.repeat_repairs, better: 'lower', extra: fractionLine(metrics.repeat_repairs) },
    { id: 'csat', kind: 'ratio', of: (m) => m.csat, better: 'higher', extra: fractionLine(metrics.csat) },
    { id: 'cost', kind: 'money', of: (m) => m.cost, better: 'lower' },
  ];
  const card = (f: Figure): ReactNode => {
    const common = {
      testId: `kpi-${f.id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      label: t(`dashboard.kpi.${f.id}`),
      definition: t(`dashboard.definition.${f.id}`),
      warning: f.warning,
      danger: f.warning,
      extra: f.extra,
    };
    switch (f.kind) {
      case 'ratio':
        return (
          <Kpi
            {...common}
            value={percent(f.of(metrics).value)}
            change={<RatioChange now={f.of(metrics)} before={before && f.of(before)} better={f.better} days={days} />}
          />
        );
      case 'duration':
        return (
          <Kpi
            {...common}
            value={duration(f.of(metrics).median_ms)}
            change={<DurationChange now={f.of(metrics)} before={before && f.of(before)} better={f.better} days={days} />}
          />
        );
      case 'money':
        return (
          <Kpi
            {...common}
            value={<MoneyList items={f.of(metrics)} />}
            change={<MoneyChange now={f.of(metrics)} before={before && f.of(before)} better={f.better} days={days} />}
          />
        );
    }
  };
  return (
    <Row gutter={[12, 12]}>
      {figures.map((f) => (
        <Col key={f.id} xs={24} sm={12} lg={8} xl={6}>
          {card(f)}
        </Col>
      ))}
    </Row>
  );
}
