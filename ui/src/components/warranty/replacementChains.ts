import type { WarrantyUnitDto } from '../../bindings';

/**
 * Units grouped into replacement chains, each from the unit first sold to the one in use now, following the
 * links rather than the list order. A unit that replaced nothing and was not replaced is a chain of one; chains
 * come in the order their first units were listed.
 */
export function replacementChains(units: readonly WarrantyUnitDto[]): WarrantyUnitDto[][] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const placed = new Set<number>();
  const chains: WarrantyUnitDto[][] = [];
  const follow = (first: WarrantyUnitDto) => {
    const chain: WarrantyUnitDto[] = [];
    let unit: WarrantyUnitDto | undefined = first;
    while (unit !== undefined && !placed.has(unit.id)) {
      placed.add(unit.id);
      chain.push(unit);
      unit = unit.replaced_by === null ? undefined : byId.get(unit.replaced_by);
    }
    chains.push(chain);
  };
  for (const unit of units) {
    if (unit.replaces === null || !byId.has(unit.replaces)) {
      follow(unit);
    }
  }
  // Only a loop in the links (which the engine does not make) leaves units unplaced; show them all the same.
  for (const unit of units) {
    if (!placed.has(unit.id)) {
      follow(unit);
    }
  }
  return chains;
}
