import { useTranslation } from 'react-i18next';
import type { WarrantyUnitDto } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';
import { Muted, Stack } from '../Cell';

/**
 * The day cover started and what it counted from: the basis tells how sure that day is (delivery, or less).
 * `stacked`: the basis under the day, for narrow table cells.
 */
export function UnitStart({ unit, stacked = false }: { unit: WarrantyUnitDto; stacked?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack inline={!stacked}>
      <span>{format.date(unit.start_at)}</span>
      <Muted data-basis={unit.start_basis}>
        {t(`warranty.basis.${unit.start_basis}`)}
      </Muted>
    </Stack>
  );
}
