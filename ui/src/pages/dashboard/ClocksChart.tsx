import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KindCompliance } from '../../bindings';
import { DASH } from '../../components/dash';
import { EChart, type EChartOption } from './EChart';
import { useKindName } from './useKindName';

const ROW_PX = 32;

/** Deadlines kept per kind in percent; a kind with nothing judged gets no bar rather than a misleading 0 %. */
export function ClocksChart({ rows }: { rows: KindCompliance[] }) {
  const { t } = useTranslation();
  const kindName = useKindName();
  const option = useMemo<EChartOption>(() => {
    // A category axis is drawn bottom-up: reversed, the kinds read in the table's order.
    const shown = [...rows].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText', valueFormatter: (value: unknown) => (value == null ? DASH : `${String(value)}%`) },
      grid: { left: 8, right: 40, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: shown.map((row) => kindName(row.kind)), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [
        {
          name: t('dashboard.column.compliance'),
          type: 'bar',
          data: shown.map((row) => (row.compliance.value === null ? null : Math.round(row.compliance.value * 1000) / 10)),
          barMaxWidth: 18,
          label: { show: true, position: 'right', formatter: '{c}%' },
        },
      ],
    };
  }, [rows, t, kindName]);
  if (rows.length === 0) return null;
  return <EChart option={option} testId="clocks-chart" style={{ height: Math.max(120, rows.length * ROW_PX + 32) }} />;
}
