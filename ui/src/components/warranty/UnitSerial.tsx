import { useTranslation } from 'react-i18next';
import { Code, Muted } from '../Cell';

/** A unit's serial, or a quiet note that none is recorded yet. */
export function UnitSerial({ serial }: { serial: string | null }) {
  const { t } = useTranslation();
  return serial === null ? (
    <Muted>{t('warranty.unit.noSerial')}</Muted>
  ) : (
    <Code data-testid="unit-serial">{serial}</Code>
  );
}
