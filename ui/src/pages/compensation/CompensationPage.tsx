import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopDto } from '../../bindings';
import type { CompensationStart } from '../../components/compensation/CompensationForm';
import { CompensationTable, DEFAULT_PAGE_SIZE } from '../../components/compensation/CompensationTable';
import { CompensationTotals } from '../../components/compensation/CompensationTotals';
import { lastDays, periodQuery, type Period } from '../../components/compensation/period';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCompensations } from '../../hooks/useCompensations';
import { useKeysetPaging } from '../../hooks/useKeysetPaging';
import { CaseDrawer } from '../cases/CaseDrawer';
import { CompensationFormModal } from './CompensationFormModal';
import { PeriodFilter } from './PeriodFilter';

const DEFAULT_DAYS = 30;

/**
 * The compensation ledger: what was given over a period (the last 30 days at first), who carried the cost in each
 * currency, and every entry; an entry's case opens in the case drawer.
 */
export function CompensationPage({ shops }: { shops: ShopDto[] }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>(() => lastDays(DEFAULT_DAYS));
  const [form, setForm] = useState<{ open: boolean; start: CompensationStart | null }>({ open: false, start: null });
  const [drawer, setDrawer] = useState<{ open: boolean; caseId: number | null }>({ open: false, caseId: null });
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const range = periodQuery(period);
  // A page at a time from the engine, by cursor; the totals cover the whole period.
  const paging = useKeysetPaging(pageSize, JSON.stringify({ range, pageSize }));
  const { page, remember } = paging;
  const ledger = useCompensations({ case_id: null, ...range, limit: pageSize, ...paging.position });
  const loading = ledger.isLoading || ledger.isPlaceholderData;
  const loaded = ledger.data !== undefined && !ledger.isPlaceholderData ? ledger.data : null;
  useEffect(() => {
    if (loaded !== null) {
      remember(page, loaded.next_after);
    }
  }, [loaded, page, remember]);
  return (
    <Card
      title={t('compensation.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="compensation-add"
          onClick={() => setForm({ open: true, start: { kind: 'ledger', shops } })}
        >
          {t('compensation.add')}
        </Button>
      }
    >
      <Flex vertical gap="middle">
        <Flex gap={6} align="center">
          <Typography.Text type="secondary">{t('compensation.period')}</Typography.Text>
          <PeriodFilter value={period} onChange={setPeriod} />
        </Flex>
        {ledger.error !== null && <ErrorAlert error={ledger.error} />}
        <CompensationTotals totals={ledger.data?.totals ?? []} loading={loading} />
        <CompensationTable
          items={ledger.data?.items ?? []}
          loading={loading}
          onOpenCase={(caseId) => setDrawer({ open: true, caseId })}
          testId="compensation-table"
          paging={{
            page,
            pageSize,
            total: ledger.data?.total ?? 0,
            onChange: (next, size) => {
              if (size !== pageSize) {
                setPageSize(size);
              } else {
                paging.setPage(next);
              }
            },
          }}
        />
      </Flex>
      <CompensationFormModal
        start={form.start}
        open={form.open}
        onClose={() => setForm((current) => ({ ...current, open: false }))}
      />
      <CaseDrawer caseId={drawer.caseId} open={drawer.open} onClose={() => setDrawer((current) => ({ ...current, open: false }))} />
    </Card>
  );
}
