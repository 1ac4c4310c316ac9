import { Button, Flex, Form, InputNumber, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';

export const BACKUP_KEEP_RANGE = { min: 1, max: 100 } as const;
export const LOG_KEEP_DAYS_RANGE = { min: 1, max: 365 } as const;

export type BackupKeepValues = { backup_keep: number; log_keep_days: number };

/** A whole number in [min, max]; anything else (empty included) gets `message`. */
function wholeNumberIn({ min, max }: { min: number; max: number }, message: string): FormRule {
  return {
    validator: (_, value: unknown) =>
      typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
        ? Promise.resolve()
        : Promise.reject(new Error(message)),
  };
}

type BackupKeepFormProps = {
  saved: BackupKeepValues;
  saving: boolean;
  onSave: (values: BackupKeepValues) => void;
};

/** How many backups of each kind to keep and how many days of log files; Save sends both. */
export function BackupKeepForm({ saved, saving, onSave }: BackupKeepFormProps) {
  const { t } = useTranslation();
  return (
    <Form<BackupKeepValues> layout="vertical" initialValues={saved} onFinish={onSave} data-testid="backup-keep-form">
      <Flex gap="large" wrap>
        <Form.Item
          name="backup_keep"
          label={t('backups.keep')}
          extra={t('backups.keepHelp')}
          rules={[wholeNumberIn(BACKUP_KEEP_RANGE, t('backups.keepRange'))]}
        >
          {/* No min/max: a number out of range is explained, not silently changed. */}
          <InputNumber precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="log_keep_days"
          label={t('backups.logDays')}
          rules={[wholeNumberIn(LOG_KEEP_DAYS_RANGE, t('backups.logDaysRange'))]}
        >
          <InputNumber precision={0} suffix={t('backups.days')} style={{ width: 160 }} />
        </Form.Item>
      </Flex>
      <Button htmlType="submit" loading={saving} data-testid="backup-keep-save">
        {t('backups.save')}
      </Button>
    </Form>
  );
}
