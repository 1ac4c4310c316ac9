import type { RepairStatus } from '../../bindings';

/** Every repair status, in the order a ticket goes through them. */
export const REPAIR_STATUSES: readonly RepairStatus[] = [
  'received',
  'diagnosing',
  'awaiting_parts',
  'repairing',
  'ready',
  'returned',
  'unrepairable',
];
