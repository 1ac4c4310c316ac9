import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitStatus } from '../../bindings';

const COLORS: Record<UnitStatus, string> = {
  in: 'green',
  out: 'default',
  replaced: 'blue',
  void: 'red',
};

/** Whether a unit is covered today, or has left the ledger (replaced, voided). */
export function UnitStatusTag({ status }: { status: UnitStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`warranty.status.${status}`)}
    </Tag>
  );
}
