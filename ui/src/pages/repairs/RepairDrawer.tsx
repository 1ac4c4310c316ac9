import { PrinterOutlined } from '@ant-design/icons';
import { Button, Divider, Drawer, Flex, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepairStatus } from '../../bindings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRepair } from '../../hooks/useRepair';
import { JobSheetPrint } from './JobSheetPrint';
import { RepairActDialog } from './RepairActDialog';
import { RepairFacts } from './RepairFacts';
import { RepairNextButtons } from './RepairNextButtons';
import { RepairParts } from './RepairParts';
import { RepairPhotos } from './RepairPhotos';
import { RepairStatusTag } from './RepairStatusTag';
import { RepairTimeline } from './RepairTimeline';
import { RepairWarranty } from './RepairWarranty';
import { RepairWorkForm } from './RepairWorkForm';

type RepairDrawerProps = {
  /** The ticket shown; kept while the drawer closes so it does not go blank mid-animation. */
  repairId: number | null;
  open: boolean;
  onClose: () => void;
};

/**
 * One repair ticket: where it can go next, who brought what in, the unit's warranty and who pays, the work (diagnosis,
 * technician, labour, promise, payer), parts, photos, the timeline, and its printable job sheet.
 */
export function RepairDrawer({ repairId, open, onClose }: RepairDrawerProps) {
  const { t } = useTranslation();
  const detail = useRepair(repairId);
  const [act, setAct] = useState<{ open: boolean; status: RepairStatus | null }>({ open: false, status: null });
  const [printing, setPrinting] = useState(false);
  const repair = detail.data?.repair;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width="min(1000px, 100vw)"
      data-testid="repair-drawer"
      title={
        repair === undefined ? null : (
          <Flex gap="small" align="center" wrap>
            <span>{t('repairs.drawer.title', { number: repair.number })}</span>
            <RepairStatusTag status={repair.status} testId="repair-status" />
            {repair.overdue && <Tag color="red">{t('repairs.overdue')}</Tag>}
          </Flex>
        )
      }
      extra={
        detail.data && (
          <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)} data-testid="repair-print">
            {t('repairs.drawer.print')}
          </Button>
        )
      }
    >
      {detail.data ? (
        <Flex vertical gap={24}>
          <RepairNextButtons next={detail.data.next} onStatus={(status) => setAct({ open: true, status })} />
          <RepairFacts detail={detail.data} />
          <RepairWarranty detail={detail.data} />
          <Divider style={{ margin: 0 }} />
          {/* A fresh form per ticket: edits in progress survive a part or photo being added to the same one. */}
          <RepairWorkForm key={detail.data.repair.id} detail={detail.data} />
          <RepairParts key={`parts-${detail.data.repair.id}`} detail={detail.data} />
          <RepairPhotos detail={detail.data} />
          <RepairTimeline events={detail.data.events} />
          <RepairActDialog
            repair={detail.data.repair}
            status={act.status}
            open={act.open}
            onClose={() => setAct((current) => ({ ...current, open: false }))}
          />
          <JobSheetPrint detail={detail.data} open={printing} onClose={() => setPrinting(false)} />
        </Flex>
      ) : detail.error ? (
        <ErrorAlert error={detail.error} />
      ) : (
        <Skeleton active />
      )}
    </Drawer>
  );
}
