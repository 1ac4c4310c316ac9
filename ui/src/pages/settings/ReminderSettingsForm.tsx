import { Button, Flex, Form, InputNumber, Select, Switch, TimePicker, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReminderSettingsDto } from '../../bindings';
import { durationLabel } from '../../components/rules/durationLabel';
import { KindLeadsList } from './KindLeadsList';
import {
  MAX_LEADS,
  MAX_REPAIR_STALE_HOURS,
  type ReminderFormValues,
  leadChoices,
  savedLeads,
  systemTimeZone,
  toFormValues,
  toSettings,
} from './reminderForm';

type ReminderSettingsFormProps = {
  saved: ReminderSettingsDto;
  saving: boolean;
  onSave: (settings: ReminderSettingsDto) => void;
};

/** The reminder settings as a form; Save sends them with this computer's time zone for quiet hours. */
export function ReminderSettingsForm({ saved, saving, onSave }: ReminderSettingsFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReminderFormValues>();
  const quietOn = Form.useWatch('quiet_enabled', form) ?? saved.quiet_enabled;
  const zone = systemTimeZone(saved.quiet_time_zone);
  const choices = leadChoices(savedLeads(saved));

  return (
    <Form<ReminderFormValues>
      form={form}
      layout="vertical"
      initialValues={toFormValues(saved)}
      onFinish={(values) => onSave(toSettings(values, saved, zone))}
    >
      <Form.Item
        name="leads_minutes"
        label={t('reminders.settings.leads')}
        extra={t('reminders.settings.leadsHelp')}
        // Longest first, whatever order they were picked in.
        normalize={(leads: number[]) => [...leads].sort((a, b) => b - a)}
      >
        <Select<number[]>
          id="reminder-leads"
          mode="multiple"
          maxCount={MAX_LEADS}
          placeholder={t('reminders.settings.leadsEmpty')}
          style={{ maxWidth: 480 }}
          options={choices.map((minutes) => ({
            value: minutes,
            label: durationLabel(t, minutes, 'natural'),
          }))}
        />
      </Form.Item>
      <KindLeadsList choices={choices} />
      <Form.Item label={t('reminders.settings.atDeadline')}>
        <Flex gap="small" align="center">
          <Switch checked disabled data-testid="reminder-at-deadline" />
          <Typography.Text type="secondary">{t('reminders.settings.alwaysOn')}</Typography.Text>
        </Flex>
      </Form.Item>
      <Form.Item name="quiet_enabled" label={t('reminders.settings.quiet')} valuePropName="checked">
        <Switch data-testid="reminder-quiet" />
      </Form.Item>
      <Flex gap="middle" wrap align="end">
        <Form.Item name="quiet_start" label={t('reminders.settings.quietStart')}>
          <TimePicker format="HH:mm" needConfirm={false} allowClear={false} disabled={!quietOn} />
        </Form.Item>
        <Form.Item name="quiet_end" label={t('reminders.settings.quietEnd')}>
          <TimePicker format="HH:mm" needConfirm={false} allowClear={false} disabled={!quietOn} />
        </Form.Item>
      </Flex>
      <Flex vertical style={{ marginBottom: 24 }}>
        <Typography.Text type="secondary" data-testid="reminder-time-zone">
          {t('reminders.settings.timeZone', { zone })}
        </Typography.Text>
        <Typography.Text type="secondary">{t('reminders.settings.quietNote')}</Typography.Text>
      </Flex>
      <Form.Item name="repair_stale_hours" label={t('reminders.settings.repairStale')} extra={t('reminders.settings.repairStaleHelp')}>
        <InputNumber
          min={0}
          max={MAX_REPAIR_STALE_HOURS}
          precision={0}
          suffix={t('reminders.settings.hours')}
          style={{ width: 180 }}
        />
      </Form.Item>
      <Form.Item name="close_to_tray" label={t('reminders.settings.closeToTray')} valuePropName="checked">
        <Switch data-testid="reminder-close-to-tray" />
      </Form.Item>
      <Form.Item name="start_at_login" label={t('reminders.settings.startAtLogin')} valuePropName="checked">
        <Switch data-testid="reminder-start-at-login" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="reminder-settings-save">
        {t('reminders.settings.save')}
      </Button>
    </Form>
  );
}
