import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClockDto } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';
import { DASH } from '../dash';
import { ConfidenceTag } from './ConfidenceTag';

/**
 * Where a deadline comes from: the platform's own field, or the rule's source text (shown as the pack has it),
 * its "as of" date and its confidence.
 */
export function RuleSource({ clock, tone = 'default' }: { clock: ClockDto; tone?: 'default' | 'light' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { rule } = clock;
  const color = tone === 'light' ? 'rgba(255, 255, 255, 0.85)' : undefined;
  if (rule === null) {
    return clock.source === 'platform_field' ? <span style={{ color }}>{t('clockSource.platform_field')}</span> : DASH;
  }
  return (
    <Flex vertical gap={2}>
      <Typography.Text style={{ color }}>{rule.source}</Typography.Text>
      <Flex gap={8} align="center" wrap>
        <Typography.Text type={tone === 'light' ? undefined : 'secondary'} style={{ color }}>
          {t('clock.asOf', { date: format.date(rule.as_of) })}
        </Typography.Text>
        <ConfidenceTag confidence={rule.confidence} />
      </Flex>
    </Flex>
  );
}
