import { Drawer, Flex, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '../../bindings';
import { CaseActionButtons } from '../../components/cases/CaseActionButtons';
import { CaseLinesTable } from '../../components/cases/CaseLinesTable';
import { CaseSummaryView } from '../../components/cases/CaseSummaryView';
import { CaseTimeline } from '../../components/cases/CaseTimeline';
import { ClocksTable } from '../../components/cases/ClocksTable';
import { isOpenStatus } from '../../components/cases/openStatus';
import { ErrorAlert } from '../../components/ErrorAlert';
import { awaitsPlatform, useCase } from '../../hooks/useCase';
import { useReasons } from '../../hooks/useReasons';
import { CaseCompensation } from '../compensation/CaseCompensation';
import { CaseActionDialog } from './CaseActionDialog';
import { CaseEvidence } from './CaseEvidence';
import { CaseNewRepair } from './CaseNewRepair';
import { CaseOutbox } from './CaseOutbox';
import { CaseRefunds } from './CaseRefunds';
import { CaseSnooze } from './CaseSnooze';

type CaseDrawerProps = {
  /** The case shown; kept while the drawer closes so it does not go blank mid-animation. */
  caseId: number | null;
  open: boolean;
  onClose: () => void;
};

/**
 * One case: what it is, its items, every deadline, the timeline, what can be done next and where its answers to the
 * platform are, its compensation and its evidence; and a repair ticket opened from it.
 */
export function CaseDrawer({ caseId, open, onClose }: CaseDrawerProps) {
  const { t } = useTranslation();
  // Read again every 1.5 s while an answer waits for the platform, as long as the drawer is open.
  const detail = useCase(caseId, { poll: open });
  // Names the case's reason when it is a code of the tree; without the tree the reason shows as it is.
  const reasons = useReasons();
  const [dialog, setDialog] = useState<{ open: boolean; action: CaseAction | null }>({ open: false, action: null });
  const summary = detail.data?.case;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width="min(1080px, 100vw)"
      data-testid="case-drawer"
      extra={summary && <CaseNewRepair key={summary.id} summary={summary} />}
      title={
        summary === undefined
          ? null
          : summary.order_number === null
            ? t('case.title', { id: summary.id })
            : t('case.titleWithOrder', { id: summary.id, number: summary.order_number })
      }
    >
      {detail.data ? (
        <Flex vertical gap={24}>
          <CaseActionButtons actions={detail.data.actions} onAction={(action) => setDialog({ open: true, action })} />
          <CaseOutbox entries={detail.data.outbox ?? []} />
          {isOpenStatus(detail.data.case.status) && <CaseSnooze key={`snooze-${detail.data.case.id}`} caseId={detail.data.case.id} />}
          <CaseSummaryView summary={detail.data.case} reasons={reasons.data} />
          <CaseLinesTable lines={detail.data.lines} />
          <CaseRefunds refunds={detail.data.refunds} />
          <ClocksTable clocks={detail.data.clocks} awaitingPlatform={awaitsPlatform(detail.data)} />
          <CaseTimeline events={detail.data.events} />
          <CaseCompensation key={`compensation-${detail.data.case.id}`} summary={detail.data.case} />
          <CaseEvidence key={detail.data.case.id} detail={detail.data} />
          <CaseActionDialog
            detail={detail.data}
            action={dialog.action}
            open={dialog.open}
            onClose={() => setDialog((current) => ({ ...current, open: false }))}
          />
        </Flex>
      ) : detail.error ? (
        <ErrorAlert error={detail.error} />
      ) : (
        <Skeleton active />
      )}
    </Drawer>
  );
}
