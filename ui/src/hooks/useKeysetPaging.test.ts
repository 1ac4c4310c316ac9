import { describe, expect, it } from 'vitest';
import { positionOf } from './useKeysetPaging';

describe('positionOf', () => {
  it('starts the first page at the top, a page whose cursor is known after it, and any other by count', () => {
    const cursors = { 1: 'c1.a', 2: 'c1.b' };
    expect(positionOf(1, 20, cursors)).toEqual({ offset: 0 });
    expect(positionOf(2, 20, cursors)).toEqual({ offset: 0, after: 'c1.a' });
    expect(positionOf(3, 20, cursors)).toEqual({ offset: 0, after: 'c1.b' });
    expect(positionOf(7, 20, cursors), 'a jump past the pages read').toEqual({ offset: 120 });
    expect(positionOf(1, 20, { 0: 'never used' }), 'page 1 never takes a cursor').toEqual({ offset: 0 });
  });
});
