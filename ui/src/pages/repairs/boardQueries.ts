import type { RepairStatus, RepairsQuery } from '../../bindings';
import { REPAIR_STATUSES } from './repairStatuses';

/**
 * Tickets handed back are done; every other one is still in the shop and must stay on the board however old it is
 * (an unrepairable item still has to go back to its owner).
 */
export const DONE_STATUS: RepairStatus = 'returned';
export const OPEN_STATUSES: readonly RepairStatus[] = REPAIR_STATUSES.filter((status) => status !== DONE_STATUS);

/** The engine's most per read: open tickets beyond it are cut off, and the board says so. */
export const OPEN_LIMIT = 1000;
/** Only the newest handed-back tickets are worth a card; the column still counts them all. */
export const DONE_LIMIT = 100;

/** The board's two reads: every open ticket, and the newest handed-back ones, for one shop (or all) and a search. */
export function boardQueries(shopId: number | null, search: string | null): { open: RepairsQuery; done: RepairsQuery } {
  return {
    open: { shop_id: shopId, statuses: [...OPEN_STATUSES], search, limit: OPEN_LIMIT, offset: 0 },
    done: { shop_id: shopId, statuses: [DONE_STATUS], search, limit: DONE_LIMIT, offset: 0 },
  };
}
