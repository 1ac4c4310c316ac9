import { useTranslation } from 'react-i18next';
import type { WarrantyUnitDto } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';
import { Muted, Stack } from '../Cell';

/**
 * The last covered day, and for a unit still in the ledger how many days are left or since when it is out.
 * `stacked`: the days under the date, for narrow table cells.
 */
export function UnitCover({ unit, stacked = false }: { unit: WarrantyUnitDto; stacked?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  let left: string | null = null;
  if (unit.status === 'in') {
    left = unit.days_left === 0 ? t('warranty.unit.lastDayToday') : t('warranty.unit.daysLeft', { count: unit.days_left });
  } else if (unit.status === 'out') {
    // days_left counts from the last covered day: -1 is the first day out.
    left = t('warranty.unit.expiredAgo', { count: -unit.days_left });
  }
  return (
    <Stack inline={!stacked}>
      <span>{format.date(unit.last_day)}</span>
      {left !== null && (
        <Muted warning={unit.status === 'in' && unit.days_left <= 7}>{left}</Muted>
      )}
    </Stack>
  );
}
