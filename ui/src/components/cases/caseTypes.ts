import type { CaseStatus, CaseType } from '../../bindings';

export const CASE_TYPES: readonly CaseType[] = ['refund_only', 'return_refund', 'exchange', 'reship', 'repair', 'warranty_claim'];

export const CASE_STATUSES: readonly CaseStatus[] = [
  'requested',
  'approved',
  'rejected',
  'awaiting_return',
  'returned_in_transit',
  'received',
  'refunded',
  'exchanged',
  'reshipped',
  'repaired',
  'closed',
  'cancelled',
  'platform_intervention',
];
