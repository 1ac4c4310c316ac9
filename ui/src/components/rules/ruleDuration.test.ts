// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ruleDto } from '../../test/fixtures';
import { rulesByPack } from './rulePacks';
import { durationOf, isOverridden, splitMinutes, toMinutes, unitsFor } from './ruleDuration';

describe('durationOf', () => {
  it.each([
    [2880, 'natural', 'rules.duration.hours', 48],
    [1440, 'natural', 'rules.duration.hours', 24],
    [4320, 'natural', 'rules.duration.days', 3],
    [10080, 'natural', 'rules.duration.days', 7],
    [90, 'natural', 'rules.duration.minutes', 90],
    [2190, 'natural', 'rules.duration.minutes', 2190],
    [540, 'business', 'rules.duration.workingHours', 9],
    [2700, 'business', 'rules.duration.workingHours', 45],
    [30, 'business', 'rules.duration.workingMinutes', 30],
  ] as const)('%i minutes of %s time read as %s %i', (minutes, calendar, key, count) => {
    expect(durationOf(minutes, calendar)).toEqual({ key, count });
  });
});

describe('the edit form units', () => {
  it('starts in the unit the number reads in, and converts back', () => {
    expect(splitMinutes(2880, 'natural')).toEqual({ value: 48, unit: 'hours' });
    expect(splitMinutes(10080, 'natural')).toEqual({ value: 7, unit: 'days' });
    expect(splitMinutes(540, 'business')).toEqual({ value: 9, unit: 'hours' });
    expect(splitMinutes(45, 'business')).toEqual({ value: 45, unit: 'minutes' });
    expect(toMinutes(3, 'days')).toBe(4320);
    expect(toMinutes(24, 'hours')).toBe(1440);
    expect(toMinutes(17, 'minutes')).toBe(17);
  });

  it('offers no days for working time', () => {
    expect(unitsFor('natural')).toEqual(['minutes', 'hours', 'days']);
    expect(unitsFor('business')).toEqual(['minutes', 'hours']);
  });
});

describe('rulesByPack', () => {
  it('groups the rules by pack in first-seen order, the first of each spanning the pack', () => {
    const rows = rulesByPack([
      ruleDto({ id: 'pdd.a' }),
      ruleDto({ id: 'jd.a', pack: 'jd', pack_name: 'JD 京东' }),
      ruleDto({ id: 'pdd.b' }),
    ]);
    expect(rows.map((row) => [row.id, row.packRowSpan])).toEqual([
      ['pdd.a', 2],
      ['pdd.b', 0],
      ['jd.a', 1],
    ]);
  });

  it('tells an override from the shipped number', () => {
    expect(isOverridden(ruleDto())).toBe(false);
    expect(isOverridden(ruleDto({ minutes: 1440 }))).toBe(true);
  });
});
