import type { ShopDto } from '../../bindings';

/** Placeholder until the warranty page lands (being built now). */
export function WarrantyPage(_props: { shops: ShopDto[] }) {
  return null;
}
