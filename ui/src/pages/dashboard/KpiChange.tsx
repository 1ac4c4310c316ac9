import { theme, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Durations, Money, Ratio } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';
import { useLanguage } from '../../i18n/useLanguage';
import { durationChange, moneyChanges, ratioChange, toneOf, trendOf, type Better, type Trend } from './change';
import { numberFormat } from '../../i18n/format';

const ARROW: Record<Exclude<Trend, 'flat'>, string> = { up: '▲', down: '▼' };

/** One movement, coloured by whether it is good news for this figure rather than by its direction. */
function Delta({ trend, better, text }: { trend: Trend; better: Better; text: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const tone = toneOf(trend, better);
  const color = tone === 'good' ? token.colorSuccess : tone === 'bad' ? token.colorError : token.colorTextSecondary;
  return (
    <span data-testid="kpi-delta" data-trend={trend} data-tone={tone} style={{ color, fontWeight: 500, whiteSpace: 'nowrap' }}>
      {trend === 'flat' ? t('dashboard.change.same') : `${ARROW[trend]} ${text}`}
    </span>
  );
}

/** Inline with real spaces rather than a flex gap: the line reads (and copies) as one sentence. */
function ChangeLine({ days, children }: { days: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div data-testid="kpi-change" style={{ fontSize: 12 }}>
      {children}{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {t('dashboard.change.vsPrevious', { count: days })}
      </Typography.Text>
    </div>
  );
}

function NoEarlier() {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="kpi-change" data-trend="none">
      {t('dashboard.change.noEarlier')}
    </Typography.Text>
  );
}

type ChangeProps<T> = { now: T; before: T | undefined; better: Better; days: number };

/** A ratio's change in percentage points: a relative change of a 1 % rate would read as alarming noise. */
export function RatioChange({ now, before, better, days }: ChangeProps<Ratio>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const pp = ratioChange(now, before);
  if (pp === null) return <NoEarlier />;
  // Already rounded to what is worth showing; this only writes it the language's way.
  const n = numberFormat(language, { maximumFractionDigits: 2 }).format(Math.abs(pp));
  return (
    <ChangeLine days={days}>
      <Delta trend={trendOf(pp)} better={better} text={t('dashboard.change.pp', { n })} />
    </ChangeLine>
  );
}

/** A median's change in one unit with a decimal ("2.5 h"): easier to compare at a glance than "2 h 30 min". */
export function DurationChange({ now, before, better, days }: ChangeProps<Durations>) {
  const { t } = useTranslation();
  const format = useFormat();
  const ms = durationChange(now, before);
  if (ms === null) return <NoEarlier />;
  const minutes = Math.abs(ms) / 60_000;
  const text =
    minutes < 60
      ? t('dashboard.change.minutes', { n: format.count(minutes) })
      : minutes < 48 * 60
        ? t('dashboard.change.hours', { n: format.measure(minutes / 60) })
        : t('dashboard.change.days', { n: format.measure(minutes / 1440) });
  return (
    <ChangeLine days={days}>
      <Delta trend={trendOf(ms)} better={better} text={text} />
    </ChangeLine>
  );
}

/** One movement per currency, as the figure itself is shown. */
export function MoneyChange({ now, before, better, days }: ChangeProps<Money[]>) {
  const format = useFormat();
  const changes = moneyChanges(now, before);
  if (changes === null) return <NoEarlier />;
  if (changes.every((change) => change.minor === 0)) {
    // One "no change" for the figure, not one per currency.
    return (
      <ChangeLine days={days}>
        <Delta trend="flat" better={better} text="" />
      </ChangeLine>
    );
  }
  return (
    <ChangeLine days={days}>
      {changes.map((change, index) => (
        <Fragment key={change.currency}>
          {index > 0 && ' '}
          <Delta trend={trendOf(change.minor)} better={better} text={format.money(change.amount.replace(/^-/, ''), change.currency)} />
        </Fragment>
      ))}
    </ChangeLine>
  );
}
