import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WarrantyUnitDto } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';

/**
 * The day cover started and what it counted from: the basis tells how sure that day is (delivery, or less).
 * `stacked`: the basis under the day, for narrow table cells.
 */
export function UnitStart({ unit, stacked = false }: { unit: WarrantyUnitDto; stacked?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Flex gap={stacked ? 0 : 6} vertical={stacked} wrap={!stacked} align={stacked ? undefined : 'baseline'}>
      <span>{format.date(unit.start_at)}</span>
      <Typography.Text type="secondary" data-basis={unit.start_basis}>
        {t(`warranty.basis.${unit.start_basis}`)}
      </Typography.Text>
    </Flex>
  );
}
