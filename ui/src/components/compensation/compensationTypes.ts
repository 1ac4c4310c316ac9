import type { CompensationKind, CostCarrier } from '../../bindings';

/** In the order the form offers them. */
export const COMPENSATION_KINDS: readonly CompensationKind[] = ['refund', 'reship', 'coupon', 'cash'];

/** In the order the form offers them, and the totals show them. */
export const COST_CARRIERS: readonly CostCarrier[] = ['merchant', 'platform', 'courier', 'supplier'];
