import type { WarrantyUnitDto } from '../../bindings';

/**
 * Where a new ticket was started from, when not the Repairs page: a unit of the warranty ledger (the item is known,
 * with or without a serial) or an after-sales case (its order says what was sold). Either fixes the shop.
 */
export type RepairOrigin =
  | { kind: 'unit'; unit: WarrantyUnitDto }
  | { kind: 'case'; caseId: number; shopId: number; orderNumber: string | null };

export function originShopId(origin: RepairOrigin): number {
  return origin.kind === 'unit' ? origin.unit.shop_id : origin.shopId;
}
