import { describe, expect, it } from 'vitest';
import { warrantyUnit } from '../../test/warrantyFixtures';
import { replacementChains } from './replacementChains';

const ids = (chains: ReturnType<typeof replacementChains>) => chains.map((chain) => chain.map((unit) => unit.id));

describe('replacementChains', () => {
  it('follows the links from the unit first sold to the current one, whatever order the units came in', () => {
    const first = warrantyUnit({ id: 1, status: 'replaced', replaced_by: 5 });
    const second = warrantyUnit({ id: 5, status: 'replaced', replaces: 1, replaced_by: 9 });
    const current = warrantyUnit({ id: 9, replaces: 5 });
    expect(ids(replacementChains([current, first, second]))).toEqual([[1, 5, 9]]);
  });

  it('keeps unrelated units apart, each its own chain, in the order listed', () => {
    const kettle = warrantyUnit({ id: 2 });
    const old = warrantyUnit({ id: 3, status: 'replaced', replaced_by: 4 });
    const swapped = warrantyUnit({ id: 4, replaces: 3 });
    expect(ids(replacementChains([kettle, swapped, old]))).toEqual([[2], [3, 4]]);
  });

  it('starts a chain where the unit it replaced is not among the units found', () => {
    expect(ids(replacementChains([warrantyUnit({ id: 8, replaces: 7 })]))).toEqual([[8]]);
  });
});
