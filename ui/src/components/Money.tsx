import { isZeroAmount } from '../i18n/format';
import { useFormat } from '../i18n/useFormat';
import { Danger } from './Cell';
import { DASH } from './dash';

/** An amount in its currency; `refund` shows a dash for nothing and the amount in red otherwise. */
export function Money({ amount, currency, refund = false }: { amount: string; currency: string; refund?: boolean }) {
  const format = useFormat();
  if (refund && isZeroAmount(amount)) {
    return DASH;
  }
  const text = format.money(amount, currency);
  return refund ? <Danger>{text}</Danger> : text;
}
