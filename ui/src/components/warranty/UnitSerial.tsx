import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A unit's serial, or a quiet note that none is recorded yet. */
export function UnitSerial({ serial }: { serial: string | null }) {
  const { t } = useTranslation();
  return serial === null ? (
    <Typography.Text type="secondary">{t('warranty.unit.noSerial')}</Typography.Text>
  ) : (
    <Typography.Text code data-testid="unit-serial">
      {serial}
    </Typography.Text>
  );
}
