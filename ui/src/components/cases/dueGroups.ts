import type { DueItemDto } from '../../bindings';

export const DUE_GROUPS = ['overdue', 'next4h', 'later'] as const;
export type DueGroup = (typeof DUE_GROUPS)[number];

const FOUR_HOURS_MS = 4 * 3_600_000;

/** Due deadlines in three groups at `now` (ms): past due (or breached), due within 4 h, later; each in due order. */
export function groupDue(items: DueItemDto[], now: number): Record<DueGroup, DueItemDto[]> {
  const groups: Record<DueGroup, DueItemDto[]> = { overdue: [], next4h: [], later: [] };
  const sorted = [...items].sort((a, b) => new Date(a.clock.due).getTime() - new Date(b.clock.due).getTime());
  for (const item of sorted) {
    const left = new Date(item.clock.due).getTime() - now;
    const group = item.clock.outcome === 'breached' || left <= 0 ? 'overdue' : left < FOUR_HOURS_MS ? 'next4h' : 'later';
    groups[group].push(item);
  }
  return groups;
}
