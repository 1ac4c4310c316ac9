import { App, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useReminderSettings } from '../../hooks/useReminderSettings';
import { useUpdateReminderSettings } from '../../hooks/useUpdateReminderSettings';
import { ReminderSettingsForm } from './ReminderSettingsForm';

/** Settings → reminders: lead times, quiet hours, the stale-repair reminder, the tray and login switches. */
export function ReminderSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useReminderSettings();
  const update = useUpdateReminderSettings();

  let content;
  if (settings.data !== undefined) {
    content = (
      <ReminderSettingsForm
        // A fresh form with each saved answer, so it starts from what the engine keeps.
        key={JSON.stringify(settings.data)}
        saved={settings.data}
        saving={update.isPending}
        onSave={(input) => update.mutate(input, { onSuccess: () => void message.success(t('reminders.settings.saved')) })}
      />
    );
  } else if (settings.error !== null) {
    content = (
      <ErrorAlert error={settings.error} action={<Button onClick={() => void settings.refetch()}>{t('app.retry')}</Button>} />
    );
  } else {
    content = <Skeleton active paragraph={{ rows: 4 }} />;
  }

  return (
    <Card title={t('reminders.settings.title')} data-testid="reminder-settings">
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">{t('reminders.settings.help')}</Typography.Text>
        {content}
        {update.error !== null && <ErrorAlert error={update.error} />}
      </Flex>
    </Card>
  );
}
