import type { CaseStatus } from '../../bindings';

/** Settled: nothing more is owed on the case, as the engine counts it (`CaseStatus::is_open`). */
const SETTLED: ReadonlySet<CaseStatus> = new Set(['refunded', 'exchanged', 'reshipped', 'repaired', 'closed', 'cancelled']);

/** Still needs someone to act (the merchant, the buyer or the platform). */
export function isOpenStatus(status: CaseStatus): boolean {
  return !SETTLED.has(status);
}
