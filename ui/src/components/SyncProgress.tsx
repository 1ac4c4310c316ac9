import { SyncOutlined } from '@ant-design/icons';
import { Flex, Progress, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncProgressDto } from '../bindings';
import { useFormat } from '../i18n/useFormat';
import { etaOf, progressPercent } from './syncProgress';

/**
 * A running sync: a bar filled by orders/total when the platform told the total, else a moving full bar;
 * under it the orders fetched so far (of the total), the rate and the time left. Just "Syncing…" before the first report.
 */
export function SyncProgress({ progress }: { progress: SyncProgressDto | null }) {
  const { t } = useTranslation();
  if (progress === null) {
    return (
      <Typography.Text type="secondary">
        <SyncOutlined spin /> {t('sync.running')}
      </Typography.Text>
    );
  }
  return <SyncProgressBar progress={progress} />;
}

function SyncProgressBar({ progress }: { progress: SyncProgressDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { token } = theme.useToken();
  const percent = progressPercent(progress);
  const eta = etaOf(progress.eta_secs);

  const parts = [
    percent === null || progress.total === null
      ? t('sync.progress.fetched', { done: progress.orders })
      : t('sync.progress.fetchedOfTotal', { done: progress.orders, total: progress.total }),
  ];
  if (progress.rate_per_sec > 0) {
    parts.push(t('sync.progress.rate', { rate: format.measure(progress.rate_per_sec) }));
  }
  if (eta !== null) {
    parts.push(
      eta.unit === 'underMinute'
        ? t('sync.progress.etaUnderMinute')
        : eta.unit === 'minutes'
          ? t('sync.progress.etaMinutes', { count: eta.count })
          : t('sync.progress.etaHours', { count: eta.count }),
    );
  }

  return (
    <Flex vertical data-testid="sync-progress" data-indeterminate={percent === null} style={{ minWidth: 220 }}>
      <Progress
        aria-label={t('sync.progress.label')}
        size="small"
        status="active"
        percent={percent ?? 100}
        showInfo={percent !== null}
        strokeColor={percent === null ? token.colorPrimaryBorder : undefined}
      />
      <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
        {parts.join(' · ')}
      </Typography.Text>
    </Flex>
  );
}
