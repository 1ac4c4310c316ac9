import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitStatus } from '../../bindings';

const COLORS: Record<UnitStatus, string> = { in: 'green', out: 'default', replaced: 'blue', void: 'red' };

/** Whether the unit is in warranty (or out, replaced, voided), translated. */
export function UnitStatusTag({ status }: { status: UnitStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-unit-status={status}>
      {t(`repairs.unitStatus.${status}`)}
    </Tag>
  );
}
