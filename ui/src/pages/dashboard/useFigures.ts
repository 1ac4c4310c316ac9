import { useTranslation } from 'react-i18next';
import type { Ratio } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';
import { useLanguage } from '../../i18n/useLanguage';
import { durationParts, formatPercent } from './format';

/** Formatters for the dashboard's ratios, durations and money, in the current language. */
export function useFigures() {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFormat();
  const percent = (value: number | null | undefined, empty: string = t('dashboard.noData')) =>
    value === null || value === undefined || !Number.isFinite(value) ? empty : formatPercent(value, language);
  const duration = (ms: number | null, empty: string = t('dashboard.noData')) => {
    if (ms === null || !Number.isFinite(ms)) return empty;
    const parts = durationParts(ms);
    return parts.unit === 'minutes'
      ? t('dashboard.duration.minutes', { m: parts.m })
      : parts.unit === 'hours'
        ? t('dashboard.duration.hours', { h: parts.h, m: parts.m })
        : t('dashboard.duration.days', { d: format.measure(parts.d) });
  };
  const fraction = (ratio: Ratio) =>
    t('dashboard.fraction', { n: format.count(ratio.numerator), m: format.count(ratio.denominator) });
  return { percent, duration, fraction, format };
}
