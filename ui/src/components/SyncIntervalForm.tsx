import { Button, Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intervalChoices, intervalLabel } from './syncInterval';

export type SyncIntervalFormProps = {
  /** The saved interval in minutes; 0 is off. */
  value: number;
  saving: boolean;
  onSave: (minutes: number) => void;
};

/** Picks how often the desktop app syncs all shops in the background; Save sends the choice. */
export function SyncIntervalForm({ value, saving, onSave }: SyncIntervalFormProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(value);

  const label = (minutes: number) => {
    const interval = intervalLabel(minutes);
    return interval.unit === 'off'
      ? t('settings.off')
      : interval.unit === 'hours'
        ? t('settings.everyHours', { count: interval.count })
        : t('settings.everyMinutes', { count: interval.count });
  };

  return (
    <Form layout="vertical" onFinish={() => onSave(chosen)}>
      <Form.Item label={t('settings.syncInterval')} htmlFor="sync-interval" extra={t('settings.syncIntervalHelp')}>
        <Select<number>
          id="sync-interval"
          value={chosen}
          onChange={setChosen}
          style={{ maxWidth: 280 }}
          options={intervalChoices(value).map((minutes) => ({ value: minutes, label: label(minutes) }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} disabled={chosen === value}>
        {t('settings.save')}
      </Button>
    </Form>
  );
}
