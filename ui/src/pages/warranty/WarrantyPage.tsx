import { ExportOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopDto, WarrantyUnitDto } from '../../bindings';
import { ExportDialog } from '../../components/ExportDialog';
import type { UnitAction } from '../../components/warranty/UnitActionButtons';
import { RepairTakeIn } from '../repairs/RepairTakeIn';
import { PoliciesTab } from './PoliciesTab';
import { UnitActionDialog, type UnitActionTarget } from './UnitActionDialog';
import { UnitsTab } from './UnitsTab';
import { WarrantyLookup } from './WarrantyLookup';

type WarrantyTab = 'units' | 'policies';

/**
 * The warranty desk: the lookup first (a customer is usually waiting, serial in hand), then the ledger of sold
 * units and the policies that make it, and the ledger's export. A unit taken in for repair gets its ticket here,
 * shown at once.
 */
export function WarrantyPage({ shops }: { shops: ShopDto[] }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<WarrantyTab>('units');
  const [exportOpen, setExportOpen] = useState(false);
  const [unitAction, setUnitAction] = useState<{ open: boolean; target: UnitActionTarget | null }>({ open: false, target: null });
  const [repairUnit, setRepairUnit] = useState<{ open: boolean; unit: WarrantyUnitDto | null }>({ open: false, unit: null });
  const onAction = (unit: WarrantyUnitDto, action: UnitAction) => {
    if (action === 'repair') setRepairUnit({ open: true, unit });
    else setUnitAction({ open: true, target: { unit, action } });
  };

  return (
    <Flex vertical gap="middle">
      <Card title={t('warranty.lookup.title')}>
        <WarrantyLookup onAction={onAction} />
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as WarrantyTab)}
          tabBarExtraContent={
            <Button icon={<ExportOutlined />} data-testid="warranty-export" onClick={() => setExportOpen(true)}>
              {t('warranty.export')}
            </Button>
          }
          items={[
            { key: 'units', label: t('warranty.tabs.units'), children: <UnitsTab shops={shops} onAction={onAction} /> },
            { key: 'policies', label: t('warranty.tabs.policies'), children: <PoliciesTab shops={shops} /> },
          ]}
        />
      </Card>
      <UnitActionDialog
        target={unitAction.target}
        open={unitAction.open}
        onClose={() => setUnitAction((current) => ({ ...current, open: false }))}
      />
      <ExportDialog kind="warranty" open={exportOpen} onClose={() => setExportOpen(false)} shops={shops} />
      <RepairTakeIn
        origin={repairUnit.unit === null ? null : { kind: 'unit', unit: repairUnit.unit }}
        open={repairUnit.open}
        onClose={() => setRepairUnit((current) => ({ ...current, open: false }))}
      />
    </Flex>
  );
}
