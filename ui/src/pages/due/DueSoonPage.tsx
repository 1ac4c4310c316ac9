import { Card, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DueList } from '../../components/cases/DueList';
import { DueWindowSelect } from '../../components/cases/DueWindowSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDueClocks } from '../../hooks/useDueClocks';
import { useMenuCounts } from '../../hooks/useMenuCounts';
import { CaseDrawer } from '../cases/CaseDrawer';
import { RemindersPreview } from './RemindersPreview';

/** The most urgent deadlines shown at once; a shop with more is told how many there are. */
const SHOWN = 300;

export type DueSoonPageProps = {
  /** A case to open on arrival (a clicked reminder); a new `seq` opens it again. */
  opening?: { caseId: number | null; seq: number } | null;
};

/**
 * What the reminders say now, then the deadlines of every shop that run out soon (within 4 h, 24 h or 3 days),
 * overdue first; each opens its case.
 */
export function DueSoonPage({ opening = null }: DueSoonPageProps) {
  const { t } = useTranslation();
  const [hours, setHours] = useState<4 | 24 | 72>(24);
  const [drawer, setDrawer] = useState<{ open: boolean; caseId: number | null }>({ open: false, caseId: null });
  const due = useDueClocks(hours, { limit: SHOWN });
  const total = useMenuCounts(hours).data?.due ?? 0;
  const shown = due.data?.length ?? 0;
  useEffect(() => {
    if (opening?.caseId != null) setDrawer({ open: true, caseId: opening.caseId });
  }, [opening?.caseId, opening?.seq]);
  return (
    <Card
      title={t('due.title')}
      extra={
        <Flex gap={6} align="center">
          <Typography.Text type="secondary">{t('due.within')}</Typography.Text>
          <DueWindowSelect value={hours} onChange={(next) => setHours(next ?? 24)} testId="due-window" />
        </Flex>
      }
    >
      <Flex vertical gap="middle">
        <RemindersPreview onOpen={(caseId) => setDrawer({ open: true, caseId })} />
        {due.error !== null && <ErrorAlert error={due.error} />}
        {total > shown && shown > 0 && (
          <Typography.Text type="warning" data-testid="due-showing-most">
            {t('due.showingMost', { shown, total })}
          </Typography.Text>
        )}
        <DueList
          items={due.data ?? []}
          loading={due.isLoading || due.isPlaceholderData}
          onOpen={(caseId) => setDrawer({ open: true, caseId })}
        />
      </Flex>
      <CaseDrawer caseId={drawer.caseId} open={drawer.open} onClose={() => setDrawer((current) => ({ ...current, open: false }))} />
    </Card>
  );
}
