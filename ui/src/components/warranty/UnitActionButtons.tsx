import { ToolOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WarrantyUnitDto } from '../../bindings';

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
    <Flex gap="small" wrap onClick={(event) => event.stopPropagation()}>
      <Button size="small" icon={<ToolOutlined />} data-testid="unit-repair" onClick={() => onAction(unit, 'repair')}>
        {t('warranty.action.repair')}
      </Button>
      <Button size="small" data-testid="unit-set-serial" onClick={() => onAction(unit, 'serial')}>
        {t('warranty.action.setSerial')}
      </Button>
      <Button size="small" data-testid="unit-replace" onClick={() => onAction(unit, 'replace')}>
        {t('warranty.action.replace')}
      </Button>
      <Button size="small" danger data-testid="unit-void" onClick={() => onAction(unit, 'void')}>
        {t('warranty.action.void')}
      </Button>
    </Flex>
  );
}
