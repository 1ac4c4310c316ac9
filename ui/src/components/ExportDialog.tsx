import { Button, DatePicker, Flex, Form, Modal, Radio, Select, Skeleton, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, RepairStatus, ShopDto, UnitStatus } from '../bindings';
import { useChooseSavePath } from '../hooks/useChooseSavePath';
import { useExportColumns } from '../hooks/useExportColumns';
import { useExportRepairs } from '../hooks/useExportRepairs';
import { useExportWarranty } from '../hooks/useExportWarranty';
import { useLanguage } from '../i18n/useLanguage';
import { ErrorAlert } from './ErrorAlert';
import { ColumnChecklist } from './export/ColumnChecklist';
import { exportFileName } from './export/exportFileName';
import { ExportResult } from './export/ExportResult';
import { intakePeriod } from './export/intakePeriod';
import { REPAIR_STATUSES } from './export/repairStatuses';
import { UNIT_STATUSES } from './warranty/unitStatuses';

export type ExportKind = 'repairs' | 'warranty';

export type ExportDialogProps = {
  kind: ExportKind;
  open: boolean;
  onClose: () => void;
  shops: ShopDto[];
};

const ALL_SHOPS = 'all';

/**
 * Repairs or the warranty ledger as a spreadsheet: format, columns, shop, statuses and a period (repairs by intake
 * day, units by warranty start); the merchant picks where in the system save dialog, then the engine writes the file. A fresh form
 * every time it opens.
 */
export function ExportDialog({ kind, open, onClose, shops }: ExportDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t(`exportDialog.title.${kind}`)} footer={null} onCancel={onClose} destroyOnHidden width={560}>
      <ExportForm kind={kind} shops={shops} onClose={onClose} />
    </Modal>
  );
}

function ExportForm({ kind, shops, onClose }: { kind: ExportKind; shops: ShopDto[]; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns = useExportColumns();
  const chooseSavePath = useChooseSavePath();
  const exportRepairs = useExportRepairs();
  const exportWarranty = useExportWarranty();
  const exporter = kind === 'repairs' ? exportRepairs : exportWarranty;

  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [shopId, setShopId] = useState<number | null>(null);
  const [period, setPeriod] = useState<[Dayjs, Dayjs] | null>(null);
  const [repairStatuses, setRepairStatuses] = useState<RepairStatus[]>([]);
  const [unitStatuses, setUnitStatuses] = useState<UnitStatus[]>([]);
  // Null until the merchant changes the ticks: every column, whenever the list arrives.
  const [ticked, setTicked] = useState<string[] | null>(null);

  const available = columns.data?.[kind] ?? [];
  const chosen = ticked ?? available.map((column) => column.id);
  const running = chooseSavePath.isPending || exporter.isPending;
  const error = chooseSavePath.error ?? exporter.error;

  const run = async () => {
    let out: string | null;
    try {
      out = await chooseSavePath.mutateAsync({ default_name: exportFileName(kind, format, new Date()), extension: format });
    } catch {
      return; // shown from chooseSavePath.error
    }
    if (out === null) {
      return; // the merchant cancelled the save dialog
    }
    if (kind === 'repairs') {
      exportRepairs.mutate({ format, out, shop_id: shopId, ...intakePeriod(period), statuses: repairStatuses, columns: chosen, lang: language });
    } else {
      exportWarranty.mutate({ format, out, shop_id: shopId, ...intakePeriod(period), statuses: unitStatuses, columns: chosen, lang: language });
    }
  };

  return (
    <Form layout="vertical" data-testid="export-form" data-kind={kind}>
      <Form.Item label={t('exportDialog.format')} extra={format === 'csv' ? t('exportDialog.csvNote') : undefined}>
        <Radio.Group
          value={format}
          onChange={(event) => setFormat(event.target.value as ExportFormat)}
          optionType="button"
          data-testid="export-format"
          options={[
            { value: 'xlsx', label: t('exportDialog.xlsx') },
            { value: 'csv', label: t('exportDialog.csv') },
          ]}
        />
      </Form.Item>
      {shops.length > 1 && (
        <Form.Item label={t('exportDialog.shop')}>
          <Select<number | typeof ALL_SHOPS>
            value={shopId ?? ALL_SHOPS}
            aria-label={t('exportDialog.shop')}
            onChange={(value) => setShopId(value === ALL_SHOPS ? null : value)}
            options={[{ value: ALL_SHOPS, label: t('exportDialog.allShops') }, ...shops.map((shop) => ({ value: shop.id, label: shop.name }))]}
          />
        </Form.Item>
      )}
      {/* Repairs by the day they came in, units by the day their warranty started: the goods sold in a period. */}
      <Form.Item
        label={t(kind === 'repairs' ? 'exportDialog.period' : 'exportDialog.warrantyPeriod')}
        extra={t(kind === 'repairs' ? 'exportDialog.periodHelp' : 'exportDialog.warrantyPeriodHelp')}
      >
        <DatePicker.RangePicker
          value={period}
          onChange={(days) => setPeriod(days?.[0] && days[1] ? [days[0], days[1]] : null)}
          data-testid="export-period"
        />
      </Form.Item>
      <Form.Item label={t('exportDialog.statuses')}>
        {kind === 'repairs' ? (
          <Select<RepairStatus[]>
            mode="multiple"
            allowClear
            value={repairStatuses}
            aria-label={t('exportDialog.statuses')}
            placeholder={t('exportDialog.allStatuses')}
            onChange={setRepairStatuses}
            options={REPAIR_STATUSES.map((status) => ({ value: status, label: t(`exportDialog.repairStatus.${status}`) }))}
          />
        ) : (
          <Select<UnitStatus[]>
            mode="multiple"
            allowClear
            value={unitStatuses}
            aria-label={t('exportDialog.statuses')}
            placeholder={t('exportDialog.allStatuses')}
            onChange={setUnitStatuses}
            options={UNIT_STATUSES.map((status) => ({ value: status, label: t(`warranty.status.${status}`) }))}
          />
        )}
      </Form.Item>
      <Form.Item label={t('exportDialog.columns')}>
        {columns.error !== null ? (
          <ErrorAlert error={columns.error} />
        ) : columns.isLoading ? (
          <Skeleton active paragraph={{ rows: 3 }} title={false} />
        ) : (
          <Flex vertical gap={4}>
            <ColumnChecklist columns={available} ticked={chosen} onChange={setTicked} />
            {chosen.length === 0 && <Typography.Text type="danger">{t('exportDialog.noColumns')}</Typography.Text>}
          </Flex>
        )}
      </Form.Item>
      {error !== null && (
        <Form.Item>
          <ErrorAlert error={error} />
        </Form.Item>
      )}
      {error === null && exporter.data !== undefined && (
        <Form.Item>
          <ExportResult result={exporter.data} />
        </Form.Item>
      )}
      <Flex justify="end" gap="small">
        <Button onClick={onClose}>{t('exportDialog.close')}</Button>
        <Button
          type="primary"
          data-testid="export-run"
          loading={running}
          disabled={columns.data === undefined || chosen.length === 0}
          onClick={() => void run()}
        >
          {t('exportDialog.run')}
        </Button>
      </Flex>
    </Form>
  );
}
