import type { Durations, Metrics, Money, Ratio } from '../../bindings';

/** Which way a figure should move: a rise in a "lower" figure is bad news. */
export type Better = 'lower' | 'higher';
export type Trend = 'up' | 'down' | 'flat';
export type Tone = 'good' | 'bad' | 'neutral';

const DAY_MS = 86_400_000;

export function trendOf(delta: number): Trend {
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
}

export function toneOf(trend: Trend, better: Better): Tone {
  if (trend === 'flat') return 'neutral';
  return (trend === 'down') === (better === 'lower') ? 'good' : 'bad';
}

/** The window's length in whole days (a custom window across a clock change is still whole days). */
export function windowLength(metrics: Pick<Metrics, 'start' | 'end'>): number {
  return Math.round((Date.parse(metrics.end) - Date.parse(metrics.start)) / DAY_MS);
}

/**
 * Change in percentage points, rounded to what is shown (two decimals below 0.1 pp, one above) so a change
 * too small to print counts as none; null when either window has no base.
 */
export function ratioChange(now: Ratio, before: Ratio | undefined): number | null {
  if (now.value === null || before === undefined || before.value === null) return null;
  const pp = (now.value - before.value) * 100;
  const places = Math.abs(pp) < 0.1 ? 100 : 10;
  return Math.round(pp * places) / places;
}

/** Change of the median in milliseconds, to the whole minute; null when either window measured nothing. */
export function durationChange(now: Durations, before: Durations | undefined): number | null {
  if (now.median_ms === null || before === undefined || before.median_ms === null) return null;
  return Math.round((now.median_ms - before.median_ms) / 60_000) * 60_000;
}

export type MoneyChange = { currency: string; minor: number; amount: string };

/**
 * Change per currency in minor units (exact, no floats), a currency missing from one window counting as
 * nothing there; null when either window has no money at all (shown as "no data").
 */
export function moneyChanges(now: Money[], before: Money[] | undefined): MoneyChange[] | null {
  if (before === undefined || now.length === 0 || before.length === 0) return null;
  const currencies = [...new Set([...now, ...before].map((money) => money.currency))];
  return currencies.map((currency) => {
    const a = now.find((money) => money.currency === currency);
    const b = before.find((money) => money.currency === currency);
    const minor = (a?.minor ?? 0) - (b?.minor ?? 0);
    return { currency, minor, amount: minorToAmount(minor, decimalsOf(a ?? b!)) };
  });
}

/** The currency's decimals, read off the engine's own amount ("88.00" → 2, "500" → 0). */
function decimalsOf(money: Money): number {
  const dot = money.amount.indexOf('.');
  return dot < 0 ? 0 : money.amount.length - dot - 1;
}

/** Minor units as a decimal string in major units, sign kept: -1250, 2 → "-12.50". */
export function minorToAmount(minor: number, decimals: number): string {
  const digits = String(Math.abs(minor)).padStart(decimals + 1, '0');
  const whole = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return minor < 0 ? `-${whole}` : whole;
}
