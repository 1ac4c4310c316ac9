// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { reasons } from '../../test/fixtures';
import { findReason, reasonGroups, reasonLabel, reasonTree } from './reasonTree';

describe('reasonTree', () => {
  it('puts each reason under its group, groups in the engine order', () => {
    const tree = reasonTree(reasons());
    expect(tree.map((node) => [node.reason.code, node.children.map((child) => child.code)])).toEqual([
      ['quality', ['quality.damaged', 'quality.defective']],
      ['buyer', ['buyer.size']],
      ['other', []],
    ]);
  });

  it('keeps a reason whose group is missing at the top level', () => {
    const orphan = { code: 'gone.x', parent: 'gone', label_zh: '孤儿', label_en: 'Orphan', builtin: false };
    expect(reasonTree([...reasons(), orphan]).map((node) => node.reason.code)).toContain('gone.x');
  });

  it('names a reason in the UI language and finds it by code', () => {
    const damaged = findReason(reasons(), 'quality.damaged')!;
    expect(reasonLabel(damaged, 'en')).toBe('Damaged in transit');
    expect(reasonLabel(damaged, 'zh-CN')).toBe('运输破损');
    expect(findReason(reasons(), 'DEFECTIVE')).toBeUndefined();
    expect(findReason(undefined, 'quality')).toBeUndefined();
    expect(reasonGroups(reasons()).map((group) => group.code)).toEqual(['quality', 'buyer', 'other']);
  });
});
