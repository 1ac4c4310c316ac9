import { App, Button, Card, Flex, Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SyncIntervalForm } from '../../components/SyncIntervalForm';
import { useAfterFirstPaint } from '../../hooks/useAfterFirstPaint';
import { useReminderSettings } from '../../hooks/useReminderSettings';
import { useSettings } from '../../hooks/useSettings';
import { useUpdateSettings } from '../../hooks/useUpdateSettings';
import { BackupsSection } from './BackupsSection';
import { ReasonsSection } from './ReasonsSection';
import { ReminderSettingsCard } from './ReminderSettingsCard';
import { RulesSection } from './RulesSection';

/**
 * App settings, a tab each: how often all shops sync in the background with the reminders, the deadline rules'
 * numbers, the after-sales reasons, the backups and the diagnostics for support. A tab mounts when first opened:
 * together they held the page's first frame and its data for ~400 ms.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useSettings();
  const updateSettings = useUpdateSettings();
  // The reminders' form mounts once the page's first card has been shown with its form (or its error).
  const rest = useAfterFirstPaint(!settings.isPending);
  // Asked now, with the page's own settings: the card that mounts a frame later finds its answer there.
  useReminderSettings();

  let content;
  if (settings.data !== undefined) {
    const saved = settings.data;
    content = (
      <SyncIntervalForm
        // A fresh form with each saved value, so the choice starts from what the engine keeps.
        key={saved.sync_interval_minutes}
        value={saved.sync_interval_minutes}
        saving={updateSettings.isPending}
        onSave={(minutes) =>
          updateSettings.mutate(
            // The engine wants every setting: the others as they are saved.
            { ...saved, sync_interval_minutes: minutes },
            { onSuccess: () => void message.success(t('settings.saved')) },
          )
        }
      />
    );
  } else if (settings.error !== null) {
    content = (
      <ErrorAlert
        error={settings.error}
        action={<Button onClick={() => void settings.refetch()}>{t('app.retry')}</Button>}
      />
    );
  } else {
    content = <Skeleton active paragraph={{ rows: 2 }} />;
  }

  const general = (
    <Flex vertical gap="middle">
      <Card title={t('settings.title')}>
        <Flex vertical gap="middle">
          {content}
          {updateSettings.error !== null && <ErrorAlert error={updateSettings.error} />}
        </Flex>
      </Card>
      {rest ? (
        <ReminderSettingsCard />
      ) : (
        <Card>
          <Skeleton active />
        </Card>
      )}
    </Flex>
  );
  return (
    <Tabs
      defaultActiveKey="general"
      data-testid="settings-tabs"
      items={[
        { key: 'general', label: t('settings.tabGeneral'), children: general },
        { key: 'rules', label: t('rules.title'), children: <RulesSection /> },
        { key: 'reasons', label: t('reasons.title'), children: <ReasonsSection /> },
        { key: 'backups', label: t('backups.title'), children: <BackupsSection /> },
      ]}
    />
  );
}
