import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClockDto } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';
import { RuleSource } from './RuleSource';

/** A deadline explained (a countdown chip's tooltip): what must happen, by when, what follows if not, and the rule. */
export function ClockInfo({ clock }: { clock: ClockDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Flex vertical gap={4} data-testid="clock-info" style={{ color: '#fff' }}>
      <Typography.Text strong style={{ color: '#fff' }}>
        {t(`clockKind.${clock.kind}`)}
      </Typography.Text>
      <span>{t('clock.due', { time: format.dateTime(clock.due) })}</span>
      {clock.consequence !== 'none' && <span>{t('clock.ifMissed', { consequence: t(`consequence.${clock.consequence}`) })}</span>}
      <RuleSource clock={clock} tone="light" />
    </Flex>
  );
}
