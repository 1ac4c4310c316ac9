import type { Payer, RepairStatus } from '../../bindings';
import { REPAIR_STATUSES } from '../../components/export/repairStatuses';

/** The board's columns, left to right: one list with the export dialog's status filter. */
export { REPAIR_STATUSES };

export const PAYERS: readonly Payer[] = ['warranty', 'customer', 'goodwill'];

export function isRepairStatus(value: string | null): value is RepairStatus {
  return REPAIR_STATUSES.some((status) => status === value);
}

export function isPayer(value: string): value is Payer {
  return PAYERS.some((payer) => payer === value);
}
