import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClockDto } from '../../bindings';
import { CountdownChip } from './CountdownChip';

const COLORS = { met: 'green', breached: 'red', cancelled: 'default' } as const;

/** A running deadline's countdown, or how a finished one ended: met (green), breached (red) or cancelled (grey). */
export function ClockState({ clock }: { clock: ClockDto }) {
  const { t } = useTranslation();
  if (clock.outcome === 'running') {
    return <CountdownChip clock={clock} />;
  }
  return (
    <Tag color={COLORS[clock.outcome]} data-testid="clock-outcome" data-outcome={clock.outcome}>
      {t(`clockOutcome.${clock.outcome}`)}
    </Tag>
  );
}
