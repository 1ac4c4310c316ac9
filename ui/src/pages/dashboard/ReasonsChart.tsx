import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyRate } from '../../bindings';
import { useLanguage } from '../../i18n/useLanguage';
import { EChart, type EChartOption } from './EChart';
import { keyRateName } from './keyRateName';

const ROW_PX = 28;

/** Cases per return reason as horizontal bars, so long (Chinese) reason names stay readable on the axis. */
export function ReasonsChart({ rows }: { rows: KeyRate[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const option = useMemo<EChartOption>(() => {
    // A category axis is drawn bottom-up: reversed, the engine's first (highest-priority) reason is on top.
    const shown = [...rows].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
      grid: { left: 8, right: 32, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: shown.map((row) => keyRateName(row, language)),
        axisLabel: { width: 160, overflow: 'truncate' },
      },
      series: [
        {
          name: t('dashboard.column.cases'),
          type: 'bar',
          data: shown.map((row) => row.rate.numerator),
          barMaxWidth: 18,
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [rows, t, language]);
  if (rows.length === 0) return null;
  return <EChart option={option} testId="reasons-chart" style={{ height: Math.max(120, rows.length * ROW_PX + 32) }} />;
}
