import type { ShopDto } from '../../bindings';

/** Placeholder until the repairs page lands (being built now). */
export function RepairsPage(_props: { shops: ShopDto[] }) {
  return null;
}
