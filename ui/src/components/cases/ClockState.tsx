import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClockDto } from '../../bindings';
import { CountdownChip } from './CountdownChip';

const COLORS = { met: 'green', breached: 'red', cancelled: 'default' } as const;

/**
 * A running deadline's countdown, or how a finished one ended: met (green), breached (red) or cancelled (grey).
 * While the case's answer waits for its platform the deadline is still running: it is met only when the platform
 * accepts the answer, and says so.
 */
export function ClockState({ clock, awaitingPlatform = false }: { clock: ClockDto; awaitingPlatform?: boolean }) {
  const { t } = useTranslation();
  if (clock.outcome === 'running') {
    if (!awaitingPlatform) return <CountdownChip clock={clock} />;
    return (
      <Flex vertical gap={2} align="start">
        <CountdownChip clock={clock} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="clock-awaiting-platform">
          {t('outbox.clockWaiting')}
        </Typography.Text>
      </Flex>
    );
  }
  return (
    <Tag color={COLORS[clock.outcome]} data-testid="clock-outcome" data-outcome={clock.outcome}>
      {t(`clockOutcome.${clock.outcome}`)}
    </Tag>
  );
}
