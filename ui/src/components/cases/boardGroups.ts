import type { CaseStatus, CaseSummaryDto } from '../../bindings';

/** The board's columns, left to right. */
export const BOARD_GROUPS = ['requested', 'awaiting_return', 'in_transit', 'received', 'rejected', 'done'] as const;
export type BoardGroup = (typeof BOARD_GROUPS)[number];

const GROUP_OF: Record<CaseStatus, BoardGroup> = {
  // Approved without goods to come back (refund only, reship) still waits on the merchant.
  requested: 'requested',
  approved: 'requested',
  awaiting_return: 'awaiting_return',
  returned_in_transit: 'in_transit',
  received: 'received',
  rejected: 'rejected',
  platform_intervention: 'rejected',
  refunded: 'done',
  exchanged: 'done',
  reshipped: 'done',
  repaired: 'done',
  closed: 'done',
  cancelled: 'done',
};

export function boardGroupOf(status: CaseStatus): BoardGroup {
  return GROUP_OF[status];
}

/** The cases in each column, each column keeping the order they came in (most urgent first). */
export function groupForBoard(cases: CaseSummaryDto[]): Record<BoardGroup, CaseSummaryDto[]> {
  const groups = Object.fromEntries(BOARD_GROUPS.map((group) => [group, [] as CaseSummaryDto[]])) as Record<
    BoardGroup,
    CaseSummaryDto[]
  >;
  for (const summary of cases) {
    groups[boardGroupOf(summary.status)].push(summary);
  }
  return groups;
}
