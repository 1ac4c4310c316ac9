import type { Payer, RepairStatus } from '../../bindings';

/** Every status in the order a ticket usually moves through them; the board's columns, left to right. */
export const REPAIR_STATUSES: readonly RepairStatus[] = [
  'received',
  'diagnosing',
  'awaiting_parts',
  'repairing',
  'ready',
  'returned',
  'unrepairable',
];

export const PAYERS: readonly Payer[] = ['warranty', 'customer', 'goodwill'];

export function isRepairStatus(value: string | null): value is RepairStatus {
  return REPAIR_STATUSES.some((status) => status === value);
}

export function isPayer(value: string): value is Payer {
  return PAYERS.some((payer) => payer === value);
}
