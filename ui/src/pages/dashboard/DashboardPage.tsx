import { Button, Card, Col, Flex, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricsQuery, ShopDto } from '../../bindings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAfterFirstPaint } from '../../hooks/useAfterFirstPaint';
import { useMetrics } from '../../hooks/useMetrics';
import { useFormat } from '../../i18n/useFormat';
import { ClocksChart } from './ClocksChart';
import { ClocksTable } from './ClocksTable';
import { ExportButton, ExportOutcome, useDashboardExport } from './DashboardExport';
import { KeyRateTable } from './KeyRateTable';
import { Kpis } from './Kpis';
import { ReasonsChart } from './ReasonsChart';
import { SeriesChart } from './SeriesChart';
import { windowQuery, type WindowChoice } from './windowChoice';
import { WindowPicker } from './WindowPicker';

const ALL = 'all';

/**
 * The dashboard: the chosen window's (7, 30 or 90 days, or whole days picked) figures for all shops or one —
 * intervention rate against the category average, response and resolution times, deadlines kept, refunds,
 * repairs, satisfaction and cost, each against the window just before — with return reasons and SKUs by
 * priority, deadlines per kind, the window day by day, and the lot as a workbook.
 */
export function DashboardPage({ shops }: { shops: ShopDto[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [choice, setChoice] = useState<WindowChoice>({ days: 30, custom: false, range: null });
  const [shopId, setShopId] = useState<number | null>(null);
  const query: MetricsQuery = { shop_id: shopId, ...windowQuery(choice) };
  const metrics = useMetrics(query);
  const exported = useDashboardExport(query);
  const data = metrics.data;
  const loading = metrics.isLoading || metrics.isPlaceholderData;
  // The figures first; the charts and tables below the fold mount in the frame after (three charts and their
  // tables cost as much again as the cards, and the merchant reads the cards first).
  const below = useAfterFirstPaint(data !== undefined);
  return (
    <div data-testid="dashboard">
      <Card
        title={t('dashboard.title')}
        loading={metrics.isLoading}
        extra={
          <Flex gap="small" align="center" wrap justify="end">
            <Select<number | typeof ALL>
              value={shopId ?? ALL}
              style={{ minWidth: 180 }}
              aria-label={t('dashboard.shop')}
              data-testid="dashboard-shop"
              onChange={(value) => setShopId(value === ALL ? null : value)}
              options={[{ value: ALL, label: t('dashboard.allShops') }, ...shops.map((shop) => ({ value: shop.id, label: shop.name }))]}
            />
            <WindowPicker value={choice} onChange={setChoice} />
            <ExportButton running={exported.running} onClick={() => void exported.run()} />
          </Flex>
        }
      >
        <Flex vertical gap="middle">
          <ExportOutcome exported={exported} />
          {metrics.error !== null && (
            <ErrorAlert error={metrics.error} action={<Button onClick={() => void metrics.refetch()}>{t('app.retry')}</Button>} />
          )}
          {data !== undefined && (
            <>
              <Typography.Text type="secondary" data-testid="dashboard-period">
                {t('dashboard.period', { start: format.dateTime(data.start), end: format.dateTime(data.end) })}
                {loading && ` · ${t('app.loading')}`}
              </Typography.Text>
              <Kpis metrics={data} shopId={shopId} />
              {below && (
                <>
                  <Card size="small" title={t('dashboard.seriesTitle')}>
                    {data.series.length === 0 ? (
                      <Typography.Text type="secondary">{t('dashboard.noData')}</Typography.Text>
                    ) : (
                      <SeriesChart series={data.series} />
                    )}
                  </Card>
                  <Row gutter={[12, 12]}>
                    <Col xs={24} xl={12}>
                      <Card size="small" title={t('dashboard.reasonsTitle')}>
                        <ReasonsChart rows={data.return_reasons} />
                        <KeyRateTable rows={data.return_reasons} keyTitle={t('dashboard.column.reason')} testId="reasons-table" />
                      </Card>
                    </Col>
                    <Col xs={24} xl={12}>
                      <Card size="small" title={t('dashboard.skusTitle')}>
                        <KeyRateTable rows={data.return_skus} keyTitle={t('dashboard.column.sku')} testId="skus-table" />
                      </Card>
                    </Col>
                  </Row>
                  <Card size="small" title={t('dashboard.clocksTitle')}>
                    <Row gutter={[16, 12]} align="middle">
                      <Col xs={24} xl={14}>
                        <ClocksTable rows={data.clock_compliance} />
                      </Col>
                      <Col xs={24} xl={10}>
                        <ClocksChart rows={data.clock_compliance} />
                      </Col>
                    </Row>
                  </Card>
                </>
              )}
            </>
          )}
        </Flex>
      </Card>
    </div>
  );
}
