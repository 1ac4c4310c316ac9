import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleDto } from '../../bindings';
import { durationLabel } from './durationLabel';
import { isOverridden } from './ruleDuration';

/** The time a rule allows, as in effect; when it is the merchant's own, the shipped number under it. */
export function RuleMinutes({ rule }: { rule: RuleDto }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong data-testid="rule-minutes">
        {durationLabel(t, rule.minutes, rule.calendar)}
      </Typography.Text>
      {isOverridden(rule) && (
        <Typography.Text type="warning" data-testid="rule-shipped">
          {t('rules.overridden', { shipped: durationLabel(t, rule.shipped_minutes, rule.calendar) })}
        </Typography.Text>
      )}
    </Flex>
  );
}
