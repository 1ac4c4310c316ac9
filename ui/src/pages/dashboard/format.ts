import type { Ratio } from '../../bindings';
import { numberFormat } from '../../i18n/format';

/** A fraction as a percentage: two decimals below 1 %, one above ("0.85 %", "12.5 %"). */
export function formatPercent(value: number, language: string): string {
  return numberFormat(language, {
    style: 'percent',
    maximumFractionDigits: Math.abs(value) < 0.01 ? 2 : 1,
  }).format(value);
}

/** Sums the parts of several ratios into one; no denominator is no data. */
export function sumRatios(ratios: Ratio[]): Ratio {
  const numerator = ratios.reduce((sum, ratio) => sum + ratio.numerator, 0);
  const denominator = ratios.reduce((sum, ratio) => sum + ratio.denominator, 0);
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** A duration in whole minutes, hours and minutes, or days past two days. */
export type DurationParts = { unit: 'minutes'; m: number } | { unit: 'hours'; h: number; m: number } | { unit: 'days'; d: number };

export function durationParts(ms: number): DurationParts {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return { unit: 'minutes', m: minutes };
  if (minutes < 48 * 60) return { unit: 'hours', h: Math.floor(minutes / 60), m: minutes % 60 };
  return { unit: 'days', d: Math.round((ms / 86_400_000) * 10) / 10 };
}

/** The category average (a fraction) as the percent string the merchant typed ("0.8" for 0.008). */
export function averagePercent(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(10)));
}
