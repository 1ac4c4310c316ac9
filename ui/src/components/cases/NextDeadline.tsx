import { PauseCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSummaryDto } from '../../bindings';
import { DASH } from '../dash';
import { CountdownChip } from './CountdownChip';

/** The nearest running deadline of a case as a countdown chip; "Paused" when every running one is; a dash when none runs. */
export function NextDeadline({ summary }: { summary: Pick<CaseSummaryDto, 'next_due' | 'running_clocks'> }) {
  const { t } = useTranslation();
  if (summary.next_due !== null) {
    return <CountdownChip clock={summary.next_due} />;
  }
  if (summary.running_clocks > 0) {
    return (
      <Tag icon={<PauseCircleOutlined />} data-testid="countdown-chip" data-state="paused" title={t('countdown.pausedOnly')}>
        {t('countdown.paused')}
      </Tag>
    );
  }
  return DASH;
}
