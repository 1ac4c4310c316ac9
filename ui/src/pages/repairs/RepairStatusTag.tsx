import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairStatus } from '../../bindings';

const COLORS: Record<RepairStatus, string> = {
  received: 'blue',
  diagnosing: 'geekblue',
  awaiting_parts: 'gold',
  repairing: 'purple',
  ready: 'cyan',
  returned: 'green',
  unrepairable: 'volcano',
};

/** A ticket's status, translated. */
export function RepairStatusTag({ status, testId }: { status: RepairStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-status={status} data-testid={testId}>
      {t(`repairs.status.${status}`)}
    </Tag>
  );
}
