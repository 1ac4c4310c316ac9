import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../bindings';

const COLORS: Record<CaseStatus, string> = {
  requested: 'blue',
  approved: 'cyan',
  rejected: 'red',
  awaiting_return: 'gold',
  returned_in_transit: 'geekblue',
  received: 'purple',
  refunded: 'green',
  exchanged: 'green',
  reshipped: 'green',
  repaired: 'green',
  closed: 'default',
  cancelled: 'default',
  platform_intervention: 'volcano',
};

/** A case's unified status, translated. */
export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-status={status}>
      {t(`caseStatus.${status}`)}
    </Tag>
  );
}
