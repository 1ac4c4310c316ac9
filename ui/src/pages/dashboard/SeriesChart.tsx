import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayPoint } from '../../bindings';
import { EChart, type EChartOption } from './EChart';

/** The window day by day: orders completed as a line, cases, interventions and missed deadlines as bars. */
export function SeriesChart({ series }: { series: DayPoint[] }) {
  const { t } = useTranslation();
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: series.map((point) => point.date) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('dashboard.series.orders_completed'), type: 'line', data: series.map((p) => p.orders_completed) },
        { name: t('dashboard.series.cases_opened'), type: 'bar', data: series.map((p) => p.cases_opened) },
        { name: t('dashboard.series.interventions'), type: 'bar', data: series.map((p) => p.interventions) },
        { name: t('dashboard.series.clocks_breached'), type: 'bar', data: series.map((p) => p.clocks_breached) },
        { name: t('dashboard.series.repairs_returned'), type: 'line', data: series.map((p) => p.repairs_returned) },
      ],
    }),
    [series, t],
  );
  return <EChart option={option} testId="dashboard-chart" />;
}
