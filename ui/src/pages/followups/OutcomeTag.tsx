import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowupOutcome } from '../../bindings';

const COLORS: Record<FollowupOutcome, string> = { reached: 'green', no_answer: 'gold', declined: 'default' };

/** How a call went, translated. */
export function OutcomeTag({ outcome }: { outcome: FollowupOutcome }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[outcome]} data-outcome={outcome}>
      {t(`followups.outcome.${outcome}`)}
    </Tag>
  );
}
