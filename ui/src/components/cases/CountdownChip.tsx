import { ClockCircleOutlined, ExclamationCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockDto } from '../../bindings';
import { useNow } from '../../hooks/useNow';
import { COUNTDOWN_COLORS, countdownOf, type CountdownState } from '../countdown';
import { ClockInfo } from './ClockInfo';
import { countdownLabel } from './countdownLabel';

const ICONS: Record<CountdownState, ReactNode> = {
  overdue: <ExclamationCircleOutlined />,
  urgent: <ClockCircleOutlined />,
  soon: <ClockCircleOutlined />,
  ok: <ClockCircleOutlined />,
  paused: <PauseCircleOutlined />,
};

/**
 * Time left on a deadline, coloured by how little is left (red overdue, orange under 4 h, gold under 24 h, green
 * beyond, grey paused) and counted down every 30 s; the tooltip says what the deadline is and where it comes from.
 */
export function CountdownChip({ clock }: { clock: ClockDto }) {
  const { t } = useTranslation();
  const now = useNow();
  const countdown = countdownOf(clock, now);
  return (
    <Tooltip title={<ClockInfo clock={clock} />}>
      <Tag
        color={COUNTDOWN_COLORS[countdown.state]}
        icon={ICONS[countdown.state]}
        data-testid="countdown-chip"
        data-state={countdown.state}
        style={{ marginInlineEnd: 0 }}
      >
        {countdownLabel(t, countdown)}
      </Tag>
    </Tooltip>
  );
}
