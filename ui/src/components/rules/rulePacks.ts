import type { RuleDto } from '../../bindings';

/** A rule as a table row: how many rows its pack's cell spans (the pack's first row spans them all, the rest 0). */
export type RuleRow = RuleDto & { packRowSpan: number };

/** The rules grouped by pack, packs in the order they first come, rules in their order within a pack. */
export function rulesByPack(rules: RuleDto[]): RuleRow[] {
  const packs = new Map<string, RuleDto[]>();
  for (const rule of rules) {
    packs.set(rule.pack, [...(packs.get(rule.pack) ?? []), rule]);
  }
  return [...packs.values()].flatMap((group) => group.map((rule, index) => ({ ...rule, packRowSpan: index === 0 ? group.length : 0 })));
}
