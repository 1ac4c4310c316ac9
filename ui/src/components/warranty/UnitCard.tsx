import { Card, Descriptions, Flex, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WarrantyUnitDto } from '../../bindings';
import { DASH } from '../dash';
import { CostTerms } from './CostTerms';
import { StageTag } from './StageTag';
import { UnitCover } from './UnitCover';
import { UnitSerial } from './UnitSerial';
import { UnitStart } from './UnitStart';
import { UnitStatusTag } from './UnitStatusTag';

export type UnitCardProps = {
  unit: WarrantyUnitDto;
  /** Serials of the other units in the lookup, to name a replacement by its serial rather than its number. */
  serials: ReadonlyMap<number, string | null>;
  actions: ReactNode;
};

/** One sold unit as the merchant answers a customer: what it is, whose it is, and what its warranty covers today. */
export function UnitCard({ unit, serials, actions }: UnitCardProps) {
  const { t } = useTranslation();
  const linked = (id: number) => serials.get(id) ?? `#${id}`;
  const buyer = [unit.buyer_name, unit.buyer_phone].filter((part) => part !== null).join(' · ');
  const items: DescriptionsProps['items'] = [
    { key: 'sku', label: t('warranty.unit.sku'), children: unit.sku ?? DASH },
    { key: 'serial', label: t('warranty.unit.serial'), children: <UnitSerial serial={unit.serial} /> },
    { key: 'shop', label: t('warranty.unit.shop'), children: unit.shop },
    { key: 'order', label: t('warranty.unit.order'), children: unit.order_number ?? DASH },
    { key: 'buyer', label: t('warranty.unit.buyer'), children: buyer === '' ? DASH : buyer },
    { key: 'start', label: t('warranty.unit.start'), children: <UnitStart unit={unit} /> },
    { key: 'lastDay', label: t('warranty.unit.lastDay'), children: <UnitCover unit={unit} /> },
    {
      key: 'policy',
      label: t('warranty.unit.policy'),
      children: t('warranty.unit.policyVersion', { name: unit.policy_name, version: unit.policy_version }),
    },
    { key: 'cost', label: t('warranty.unit.cost'), children: <CostTerms labourFree={unit.labour_free} partsFree={unit.parts_free} /> },
    ...(unit.coverage.trim() === '' ? [] : [{ key: 'coverage', label: t('warranty.unit.coverage'), children: unit.coverage, span: 'filled' as const }]),
    ...(unit.replaces === null ? [] : [{ key: 'replaces', label: t('warranty.unit.replaces'), children: linked(unit.replaces) }]),
    ...(unit.replaced_by === null ? [] : [{ key: 'replacedBy', label: t('warranty.unit.replacedBy'), children: linked(unit.replaced_by) }]),
    ...(unit.note === null ? [] : [{ key: 'note', label: t('warranty.unit.note'), children: unit.note, span: 'filled' as const }]),
  ];
  return (
    <Card
      size="small"
      data-testid="warranty-unit"
      data-unit-id={unit.id}
      data-status={unit.status}
      title={
        <Flex gap="small" align="center" wrap>
          <Typography.Text strong>{unit.title}</Typography.Text>
          <UnitStatusTag status={unit.status} />
          {unit.status === 'in' && unit.stage !== null && <StageTag stage={unit.stage} />}
          {unit.repairs > 0 && <Typography.Text type="secondary">{t('warranty.unit.repairs', { count: unit.repairs })}</Typography.Text>}
        </Flex>
      }
      extra={actions}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }} items={items} />
    </Card>
  );
}
