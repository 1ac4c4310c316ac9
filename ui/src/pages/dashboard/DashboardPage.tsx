import { EditOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Input, Row, Segmented, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Durations, KeyRate, KindCompliance, Metrics, Money, Ratio, ShopDto } from '../../bindings';
import { DASH } from '../../components/dash';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMetrics } from '../../hooks/useMetrics';
import { useSetInterventionAverage } from '../../hooks/useSetInterventionAverage';
import { useFormat } from '../../i18n/useFormat';
import { useLanguage } from '../../i18n/useLanguage';
import { averagePercent, durationParts, formatPercent, sumRatios } from './format';
import { SeriesChart } from './SeriesChart';

const WINDOWS = [7, 30, 90] as const;
const ALL = 'all';

/** Formatters for the dashboard's ratios, durations and money, in the current language. */
function useFigures() {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFormat();
  const percent = (value: number | null | undefined, empty: string = t('dashboard.noData')) =>
    value === null || value === undefined || !Number.isFinite(value) ? empty : formatPercent(value, language);
  const duration = (ms: number | null, empty: string = t('dashboard.noData')) => {
    if (ms === null || !Number.isFinite(ms)) return empty;
    const parts = durationParts(ms);
    return parts.unit === 'minutes'
      ? t('dashboard.duration.minutes', { m: parts.m })
      : parts.unit === 'hours'
        ? t('dashboard.duration.hours', { h: parts.h, m: parts.m })
        : t('dashboard.duration.days', { d: format.measure(parts.d) });
  };
  const fraction = (ratio: Ratio) =>
    t('dashboard.fraction', { n: format.count(ratio.numerator), m: format.count(ratio.denominator) });
  return { percent, duration, fraction, format };
}

/** One figure: its name with the definition on a tooltip, the value, and what it rests on. */
function Kpi({
  label,
  definition,
  value,
  danger = false,
  extra,
  testId,
  warning,
}: {
  label: string;
  definition: string;
  value: ReactNode;
  danger?: boolean;
  extra?: ReactNode;
  testId?: string;
  warning?: boolean;
}) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId} data-warning={warning === undefined ? undefined : String(warning)}>
      <Flex vertical gap={4}>
        <Flex gap={6} align="center">
          <Typography.Text type="secondary">{label}</Typography.Text>
          <Tooltip title={definition}>
            <QuestionCircleOutlined aria-label={definition} style={{ color: 'rgba(0,0,0,0.45)' }} />
          </Tooltip>
        </Flex>
        <Typography.Text strong type={danger ? 'danger' : undefined} style={{ fontSize: 24 }} data-testid="kpi-value">
          {value}
        </Typography.Text>
        {extra}
      </Flex>
    </Card>
  );
}

function MoneyList({ items }: { items: Money[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (items.length === 0) return t('dashboard.noData');
  return (
    <Flex vertical>
      {items.map((money) => (
        <span key={money.currency} data-testid="money" data-currency={money.currency}>
          {format.money(money.amount, money.currency)}
        </span>
      ))}
    </Flex>
  );
}

/** The shop's category average with an inline edit; an empty value removes it. */
function CategoryAverage({ shopId, average }: { shopId: number; average: number | null }) {
  const { t } = useTranslation();
  const { percent } = useFigures();
  const save = useSetInterventionAverage();
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null) {
    return (
      <Flex gap={4} align="center" data-testid="intervention-average">
        <Typography.Text type="secondary">
          {t('dashboard.average.label')}: {percent(average, t('dashboard.average.unset'))}
        </Typography.Text>
        <Button
          size="small"
          type="link"
          icon={<EditOutlined />}
          aria-label={t('dashboard.average.edit')}
          onClick={() => {
            save.reset();
            setDraft(average === null ? '' : averagePercent(average));
          }}
        />
      </Flex>
    );
  }
  const submit = () =>
    save.mutate({ shop_id: shopId, percent: draft.trim() }, { onSuccess: () => setDraft(null) });
  return (
    <Flex vertical gap={4}>
      <Flex gap={4} align="center">
        <Input
          size="small"
          style={{ width: 110 }}
          value={draft}
          suffix="%"
          placeholder="0.8"
          aria-label={t('dashboard.average.label')}
          onChange={(event) => setDraft(event.target.value)}
          onPressEnter={submit}
        />
        <Button size="small" type="primary" loading={save.isPending} onClick={submit}>
          {t('dashboard.average.save')}
        </Button>
        <Button size="small" onClick={() => setDraft(null)}>
          {t('dashboard.average.cancel')}
        </Button>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dashboard.average.hint')}
      </Typography.Text>
      {save.error !== null && <ErrorAlert error={save.error} />}
    </Flex>
  );
}

function Kpis({ metrics, shopId }: { metrics: Metrics; shopId: number | null }) {
  const { t } = useTranslation();
  const { percent, duration, fraction, format } = useFigures();
  const rate = metrics.intervention_rate;
  const clocks = sumRatios(metrics.clock_compliance.map((kind) => kind.compliance));
  const durations = (d: Durations) => t('dashboard.p90', { p90: duration(d.p90_ms, DASH), k: format.count(d.count) });
  const items: { key: string; node: ReactNode }[] = [
    {
      key: 'intervention',
      node: (
        <Kpi
          testId="kpi-intervention"
          warning={metrics.intervention_warning}
          danger={metrics.intervention_warning}
          label={t('dashboard.kpi.intervention')}
          definition={t('dashboard.definition.intervention')}
          value={percent(rate.value)}
          extra={
            <Flex vertical gap={4}>
              <Typography.Text type="secondary">
                {t('dashboard.interventions', { n: format.count(rate.numerator) })} · {fraction(rate)}
              </Typography.Text>
              {metrics.intervention_second_cycle && (
                <span>
                  <Tooltip title={t('dashboard.secondCycleHint')}>
                    <Tag color="red" data-testid="second-cycle">
                      {t('dashboard.secondCycle')}
                    </Tag>
                  </Tooltip>
                </span>
              )}
              {shopId !== null && <CategoryAverage key={shopId} shopId={shopId} average={metrics.intervention_average} />}
            </Flex>
          }
        />
      ),
    },
    {
      key: 'first_response',
      node: (
        <Kpi
          testId="kpi-first-response"
          label={t('dashboard.kpi.firstResponse')}
          definition={t('dashboard.definition.firstResponse')}
          value={duration(metrics.first_response.median_ms)}
          extra={<Typography.Text type="secondary">{durations(metrics.first_response)}</Typography.Text>}
        />
      ),
    },
    {
      key: 'clocks',
      node: (
        <Kpi
          testId="kpi-clocks"
          label={t('dashboard.kpi.clocks')}
          definition={t('dashboard.definition.clocks')}
          value={percent(clocks.value)}
          extra={
            <Typography.Text type="secondary">
              {fraction(clocks)} · {t('dashboard.breaches', { n: format.count(metrics.clocks_breached) })}
            </Typography.Text>
          }
        />
      ),
    },
    {
      key: 'auto_refunded',
      node: (
        <Kpi
          testId="kpi-auto-refunded"
          label={t('dashboard.kpi.autoRefunded')}
          definition={t('dashboard.definition.autoRefunded')}
          value={<MoneyList items={metrics.auto_refunded} />}
        />
      ),
    },
    {
      key: 'refund_rate',
      node: (
        <Kpi
          testId="kpi-refund-rate"
          label={t('dashboard.kpi.refundRate')}
          definition={t('dashboard.definition.refundRate')}
          value={percent(metrics.refund_rate.value)}
          extra={<Typography.Text type="secondary">{fraction(metrics.refund_rate)}</Typography.Text>}
        />
      ),
    },
    {
      key: 'resolution',
      node: (
        <Kpi
          testId="kpi-resolution"
          label={t('dashboard.kpi.resolution')}
          definition={t('dashboard.definition.resolution')}
          value={duration(metrics.resolution.median_ms)}
          extra={<Typography.Text type="secondary">{durations(metrics.resolution)}</Typography.Text>}
        />
      ),
    },
    {
      key: 'repair_turnaround',
      node: (
        <Kpi
          testId="kpi-repair-turnaround"
          label={t('dashboard.kpi.repairTurnaround')}
          definition={t('dashboard.definition.repairTurnaround')}
          value={duration(metrics.repair_turnaround.median_ms)}
          extra={
            <Typography.Text type="secondary">
              {t('dashboard.pastDue', { rate: percent(metrics.repairs_past_due.value, DASH) })} · {fraction(metrics.repairs_past_due)}
            </Typography.Text>
          }
        />
      ),
    },
    {
      key: 'repeat_repairs',
      node: (
        <Kpi
          testId="kpi-repeat-repairs"
          label={t('dashboard.kpi.repeatRepairs')}
          definition={t('dashboard.definition.repeatRepairs')}
          value={percent(metrics.repeat_repairs.value)}
          extra={<Typography.Text type="secondary">{fraction(metrics.repeat_repairs)}</Typography.Text>}
        />
      ),
    },
    {
      key: 'csat',
      node: (
        <Kpi
          testId="kpi-csat"
          label={t('dashboard.kpi.csat')}
          definition={t('dashboard.definition.csat')}
          value={percent(metrics.csat.value)}
          extra={<Typography.Text type="secondary">{fraction(metrics.csat)}</Typography.Text>}
        />
      ),
    },
    {
      key: 'cost',
      node: (
        <Kpi
          testId="kpi-cost"
          label={t('dashboard.kpi.cost')}
          definition={t('dashboard.definition.cost')}
          value={<MoneyList items={metrics.cost} />}
        />
      ),
    },
  ];
  return (
    <Row gutter={[12, 12]}>
      {items.map((item) => (
        <Col key={item.key} xs={24} sm={12} lg={8} xl={6}>
          {item.node}
        </Col>
      ))}
    </Row>
  );
}

function KeyRateTable({ rows, keyTitle, testId }: { rows: KeyRate[]; keyTitle: string; testId: string }) {
  const { t } = useTranslation();
  const { percent, format } = useFigures();
  const language = useLanguage();
  const priority = new Intl.NumberFormat(language, { maximumSignificantDigits: 3 });
  const columns: ColumnsType<KeyRate> = [
    { title: keyTitle, key: 'key', dataIndex: 'key' },
    { title: t('dashboard.column.cases'), key: 'cases', align: 'right', render: (_, row) => format.count(row.rate.numerator) },
    { title: t('dashboard.column.base'), key: 'base', align: 'right', render: (_, row) => format.count(row.rate.denominator) },
    { title: t('dashboard.column.rate'), key: 'rate', align: 'right', render: (_, row) => percent(row.rate.value, DASH) },
    {
      title: t('dashboard.column.priority'),
      key: 'priority',
      align: 'right',
      render: (_, row) => (row.priority === null ? DASH : priority.format(row.priority)),
    },
  ];
  return (
    <div data-testid={testId}>
      <Table<KeyRate> size="small" rowKey="key" columns={columns} dataSource={rows} pagination={false} />
    </div>
  );
}

function ClocksTable({ rows }: { rows: KindCompliance[] }) {
  const { t, i18n } = useTranslation();
  const { percent, format } = useFigures();
  const kindName = (kind: string) => {
    const key = `clockKind.${kind}`;
    return i18n.exists(key) ? t(key as 'clockKind.resolution') : kind;
  };
  const columns: ColumnsType<KindCompliance> = [
    { title: t('dashboard.column.kind'), key: 'kind', render: (_, row) => kindName(row.kind) },
    { title: t('dashboard.column.met'), key: 'met', align: 'right', render: (_, row) => format.count(row.compliance.numerator) },
    { title: t('dashboard.column.judged'), key: 'judged', align: 'right', render: (_, row) => format.count(row.compliance.denominator) },
    { title: t('dashboard.column.compliance'), key: 'compliance', align: 'right', render: (_, row) => percent(row.compliance.value, DASH) },
    { title: t('dashboard.column.breached'), key: 'breached', align: 'right', render: (_, row) => format.count(row.breached) },
  ];
  return (
    <div data-testid="clocks-table">
      <Table<KindCompliance> size="small" rowKey="kind" columns={columns} dataSource={rows} pagination={false} />
    </div>
  );
}

/**
 * The dashboard: the chosen window's (7, 30 or 90 days) figures for all shops or one — intervention rate against
 * the category average, response and resolution times, deadlines kept, refunds, repairs, satisfaction and cost —
 * with return reasons and SKUs by priority, deadlines per kind, and the window day by day.
 */
export function DashboardPage({ shops }: { shops: ShopDto[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [windowDays, setWindowDays] = useState<number>(30);
  const [shopId, setShopId] = useState<number | null>(null);
  const metrics = useMetrics({ shop_id: shopId, window_days: windowDays, at: null });
  const data = metrics.data;
  const loading = metrics.isLoading || metrics.isPlaceholderData;
  return (
    <div data-testid="dashboard">
      <Card
        title={t('dashboard.title')}
        loading={metrics.isLoading}
        extra={
          <Flex gap="small" align="center" wrap>
            <Select<number | typeof ALL>
              value={shopId ?? ALL}
              style={{ minWidth: 180 }}
              aria-label={t('dashboard.shop')}
              data-testid="dashboard-shop"
              onChange={(value) => setShopId(value === ALL ? null : value)}
              options={[{ value: ALL, label: t('dashboard.allShops') }, ...shops.map((shop) => ({ value: shop.id, label: shop.name }))]}
            />
            <span data-testid="dashboard-window">
              <Segmented<number>
                value={windowDays}
                onChange={setWindowDays}
                options={WINDOWS.map((days) => ({ value: days, label: t('dashboard.days', { n: days }) }))}
              />
            </span>
          </Flex>
        }
      >
        <Flex vertical gap="middle">
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
                <ClocksTable rows={data.clock_compliance} />
              </Card>
            </>
          )}
        </Flex>
      </Card>
    </div>
  );
}
