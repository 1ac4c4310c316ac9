import { useFormat } from '../i18n/useFormat';
import { DASH } from './dash';

/** An instant in local time, or a dash when there is none. */
export function DateTime({ value }: { value: string | null }) {
  const format = useFormat();
  return value === null ? DASH : format.dateTime(value);
}
