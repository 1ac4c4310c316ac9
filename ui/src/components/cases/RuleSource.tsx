import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClockDto, Confidence } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';
import { DASH } from '../dash';
import { ConfidenceTag } from './ConfidenceTag';

type Tone = 'default' | 'light';

/** A rule's source text (shown as the pack has it), its "as of" date and its confidence. */
export function RuleSourceText({
  source,
  asOf,
  confidence,
  tone = 'default',
}: {
  source: string;
  asOf: string;
  confidence: Confidence;
  tone?: Tone;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const color = tone === 'light' ? 'rgba(255, 255, 255, 0.85)' : undefined;
  return (
    <Flex vertical gap={2}>
      <Typography.Text style={{ color }}>{source}</Typography.Text>
      <Flex gap={8} align="center" wrap>
        <Typography.Text type={tone === 'light' ? undefined : 'secondary'} style={{ color }}>
          {t('clock.asOf', { date: format.date(asOf) })}
        </Typography.Text>
        <ConfidenceTag confidence={confidence} />
      </Flex>
    </Flex>
  );
}

/** Where a deadline comes from: the platform's own field, or the rule's source, "as of" date and confidence. */
export function RuleSource({ clock, tone = 'default' }: { clock: ClockDto; tone?: Tone }) {
  const { t } = useTranslation();
  const { rule } = clock;
  if (rule === null) {
    const color = tone === 'light' ? 'rgba(255, 255, 255, 0.85)' : undefined;
    return clock.source === 'platform_field' ? <span style={{ color }}>{t('clockSource.platform_field')}</span> : DASH;
  }
  return <RuleSourceText source={rule.source} asOf={rule.as_of} confidence={rule.confidence} tone={tone} />;
}
