import type { ShopDto } from '../../bindings';

/** Placeholder until the compensation page lands (being built now). */
export function CompensationPage(_props: { shops: ShopDto[] }) {
  return null;
}
