import { SettingOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowupDto, FollowupState } from '../../bindings';
import { useFollowups } from '../../hooks/useFollowups';
import { FollowupList } from './FollowupList';
import { FollowupSettingsDialog } from './FollowupSettingsDialog';
import { RecordCallDialog } from './RecordCallDialog';

const STATES: readonly FollowupState[] = ['due', 'open', 'done'];

function isFollowupState(key: string): key is FollowupState {
  return STATES.some((state) => state === key);
}

/**
 * Follow-up calls (回访) after a case is resolved or a repair goes back: the ones due now (overdue in red), every open
 * one, and the done ones with how they went; each call is recorded with its outcome and the customer's rating.
 */
export function FollowupsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<FollowupState>('due');
  const [record, setRecord] = useState<{ open: boolean; followup: FollowupDto | null }>({ open: false, followup: null });
  const [settingsOpen, setSettingsOpen] = useState(false);
  // The due count shows on its tab whichever tab is open (the due list shares this answer).
  const due = useFollowups('due');
  const onRecord = (followup: FollowupDto) => setRecord({ open: true, followup });
  const overdue = due.data?.filter((followup) => followup.overdue).length ?? 0;

  return (
    <Card
      title={t('followups.title')}
      extra={
        <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} data-testid="followups-settings">
          {t('followups.settings.button')}
        </Button>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(isFollowupState(key) ? key : 'due')}
        items={[
          {
            key: 'due',
            label: (
              <Flex gap={6} align="center">
                <span>{t('followups.tab.due')}</span>
                <Badge
                  count={due.data?.length ?? 0}
                  showZero
                  color={overdue > 0 ? 'red' : 'blue'}
                  data-testid="followups-due-count"
                />
              </Flex>
            ),
            children: (
              <div data-testid="followups-due">
                <FollowupList state="due" empty={t('followups.emptyDue')} onRecord={onRecord} />
              </div>
            ),
          },
          {
            key: 'open',
            label: t('followups.tab.open'),
            children: (
              <div data-testid="followups-open">
                <FollowupList state="open" empty={t('followups.emptyOpen')} onRecord={onRecord} />
              </div>
            ),
          },
          {
            key: 'done',
            label: t('followups.tab.done'),
            children: (
              <div data-testid="followups-done">
                <FollowupList state="done" empty={t('followups.emptyDone')} />
              </div>
            ),
          },
        ]}
      />
      <RecordCallDialog
        followup={record.followup}
        open={record.open}
        onClose={() => setRecord((current) => ({ ...current, open: false }))}
      />
      <FollowupSettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </Card>
  );
}
