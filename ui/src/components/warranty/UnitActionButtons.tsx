import { ToolOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { WarrantyUnitDto } from '../../bindings';
import { RowButton } from '../RowButton';

export type UnitAction = 'repair' | 'serial' | 'replace' | 'void';

/**
 * What can be done to a unit still in the ledger: take it in for repair (the way in for an item without a serial to
 * scan), record its serial, swap it for a new one, void it. A replaced or voided unit is history and takes none.
 */
export function UnitActionButtons({ unit, onAction }: { unit: WarrantyUnitDto; onAction: (unit: WarrantyUnitDto, action: UnitAction) => void }) {
  const { t } = useTranslation();
  if (unit.status === 'replaced' || unit.status === 'void') {
    return null;
  }
  return (
    <div className="row-buttons" onClick={(event) => event.stopPropagation()}>
      <RowButton icon={<ToolOutlined />} testId="unit-repair" onClick={() => onAction(unit, 'repair')}>
        {t('warranty.action.repair')}
      </RowButton>
      <RowButton testId="unit-set-serial" onClick={() => onAction(unit, 'serial')}>
        {t('warranty.action.setSerial')}
      </RowButton>
      <RowButton testId="unit-replace" onClick={() => onAction(unit, 'replace')}>
        {t('warranty.action.replace')}
      </RowButton>
      <RowButton danger testId="unit-void" onClick={() => onAction(unit, 'void')}>
        {t('warranty.action.void')}
      </RowButton>
    </div>
  );
}
