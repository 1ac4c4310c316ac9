import { CheckCircleOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';

/** When the last sync succeeded, relative to now (the exact time on hover), or that there was none yet. */
export function LastSyncSuccess({ at }: { at: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (at === null) {
    return <Typography.Text type="secondary">{t('sync.never')}</Typography.Text>;
  }
  return (
    <Tooltip title={format.dateTime(at)}>
      <Typography.Text type="secondary">
        <CheckCircleOutlined /> {t('sync.lastSuccess', { time: format.relative(at) })}
      </Typography.Text>
    </Tooltip>
  );
}
