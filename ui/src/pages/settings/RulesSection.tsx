import { App, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { durationLabel } from '../../components/rules/durationLabel';
import { RulesTable } from '../../components/rules/RulesTable';
import { useRules } from '../../hooks/useRules';
import { useSetRuleOverride } from '../../hooks/useSetRuleOverride';

/** Settings → deadline rules: every rule with its number, which the merchant can change or restore. */
export function RulesSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const setOverride = useSetRuleOverride();
  const [editing, setEditing] = useState<string | null>(null);

  const change = (ruleId: string, minutes: number | null) =>
    setOverride.mutate(
      { rule_id: ruleId, minutes },
      {
        onSuccess: (updated) => {
          setEditing(null);
          const rule = updated.find((candidate) => candidate.id === ruleId);
          if (rule !== undefined) {
            const duration = durationLabel(t, rule.minutes, rule.calendar);
            void message.success(minutes === null ? t('rules.restored', { duration }) : t('rules.saved', { duration }));
          }
        },
      },
    );

  let content;
  if (rules.data !== undefined) {
    content = (
      <RulesTable
        rules={rules.data}
        editing={editing}
        saving={setOverride.isPending ? (setOverride.variables?.rule_id ?? null) : null}
        onEdit={(ruleId) => {
          setOverride.reset();
          setEditing(ruleId);
        }}
        onCancel={() => {
          setOverride.reset();
          setEditing(null);
        }}
        onSave={(ruleId, minutes) => change(ruleId, minutes)}
        onRestore={(ruleId) => change(ruleId, null)}
      />
    );
  } else if (rules.error !== null) {
    content = (
      <ErrorAlert error={rules.error} action={<Button onClick={() => void rules.refetch()}>{t('app.retry')}</Button>} />
    );
  } else {
    content = <Skeleton active paragraph={{ rows: 4 }} />;
  }

  return (
    <Card title={t('rules.title')} data-testid="rules-section">
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">{t('rules.help')}</Typography.Text>
        {setOverride.error !== null && <ErrorAlert error={setOverride.error} />}
        {content}
      </Flex>
    </Card>
  );
}
