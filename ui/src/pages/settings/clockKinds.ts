import type { ClockKind } from '../../bindings';

/** Every clock kind, in the order the rules list them; a Record so that a kind added to `ClockKind` must be added here. */
const KINDS: Readonly<Record<ClockKind, true>> = {
  merchant_response: true,
  buyer_ship_back: true,
  merchant_confirm_receipt: true,
  refund_after_receipt: true,
  escalation_window: true,
  first_response: true,
  resolution: true,
};

export const CLOCK_KINDS = Object.keys(KINDS) as ClockKind[];
