// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dueItem } from '../../test/fixtures';
import { groupDue } from './dueGroups';

const NOW = Date.parse('2026-11-10T12:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('groupDue', () => {
  it('splits overdue, the next 4 hours and later, each soonest first', () => {
    const items = [
      dueItem({ id: 1 }, { id: 11, due: at(600) }),
      dueItem({ id: 2 }, { id: 12, due: at(-5) }),
      dueItem({ id: 3 }, { id: 13, due: at(239) }),
      dueItem({ id: 4 }, { id: 14, due: at(240) }),
      dueItem({ id: 5 }, { id: 15, due: at(30) }),
      dueItem({ id: 6 }, { id: 16, due: at(60), outcome: 'breached' }),
      dueItem({ id: 7 }, { id: 17, due: at(0) }),
    ];
    const groups = groupDue(items, NOW);
    const ids = (group: keyof typeof groups) => groups[group].map((item) => item.case.id);
    expect(ids('overdue'), 'past due, due right now, or judged breached').toEqual([2, 7, 6]);
    expect(ids('next4h')).toEqual([5, 3]);
    expect(ids('later'), '4 h exactly is later').toEqual([4, 1]);
  });
});
