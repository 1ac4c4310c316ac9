import { App, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSnoozeCase } from '../../hooks/useSnoozeCase';
import { useErrorToast } from '../useErrorToast';

const SNOOZE_HOURS = [1, 4] as const;

/** Holds an open case's reminders for 1 or 4 hours; a deadline that passes still reminds. */
export function CaseSnooze({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const snooze = useSnoozeCase();
  const pendingHours = snooze.isPending ? snooze.variables?.hours : undefined;
  return (
    <Flex gap="small" align="center" wrap data-testid="case-snooze">
      <Typography.Text type="secondary">{t('reminders.snooze.label')}</Typography.Text>
      {SNOOZE_HOURS.map((hours) => (
        <Button
          key={hours}
          size="small"
          data-testid={`case-snooze-${hours}`}
          loading={pendingHours === hours}
          disabled={snooze.isPending && pendingHours !== hours}
          onClick={() =>
            snooze.mutate(
              { case_id: caseId, hours },
              {
                onSuccess: () => void message.success(t('reminders.snooze.done', { count: hours })),
                onError: (error) => showError(error),
              },
            )
          }
        >
          {t('reminders.snooze.hours', { count: hours })}
        </Button>
      ))}
    </Flex>
  );
}
