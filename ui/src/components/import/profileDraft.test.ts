// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { FieldColumn, ImportProfile } from '../../bindings';
import { draftOf, isProfileId, profileOf, rejectedPath } from './profileDraft';

const preset: ImportProfile = {
  id: 'pdd_aftersales',
  name_en: 'Pinduoduo after-sales export',
  name_zh: '拼多多售后导出',
  platform: 'pdd',
  kind: 'aftersales',
  columns: { request_id: '售后编号|售后单号', type: '售后类型', amount: '退款金额(元)|退款金额', reason: '售后原因' },
  type_values: { 仅退款: '1' },
  status_values: { 退款成功: '10' },
  builtin: true,
};

// A file with 售后单号 for the request and 实退金额 for the amount.
const columns: FieldColumn[] = [
  { field: 'request_id', required: true, header: '售后单号' },
  { field: 'type', required: true, header: '售后类型' },
  { field: 'amount', required: true, header: null },
  { field: 'reason', required: false, header: null },
  { field: 'sku', required: false, header: null },
];

describe('the profile draft', () => {
  it('starts a preset as a copy of the merchant’s, and the merchant’s own under its id', () => {
    const draft = draftOf(preset, columns);
    expect(draft).toEqual({
      id: 'pdd_aftersales_custom',
      name_en: 'Pinduoduo after-sales export (mine)',
      name_zh: '拼多多售后导出（自定义）',
      columns: { request_id: '售后单号', type: '售后类型', amount: '退款金额(元)|退款金额', reason: '售后原因', sku: undefined },
      type_values: [{ word: '仅退款', code: '1' }],
      status_values: [{ word: '退款成功', code: '10' }],
    });
    const listed = draftOf({ ...preset, type_values: { 退货退款: '2', 补寄: '4', 仅退款: '1', 维修: '10' } }, columns).type_values;
    expect(listed.map((row) => row.word), 'by code').toEqual(['仅退款', '退货退款', '补寄', '维修']);
    const mine = draftOf({ ...preset, id: 'mine', name_en: 'Mine', name_zh: '我的', builtin: false }, columns);
    expect([mine.id, mine.name_en, mine.name_zh]).toEqual(['mine', 'Mine', '我的']);
  });

  it('saves the fields left alone with all their names, the changed ones with the header chosen', () => {
    const draft = draftOf(preset, columns);
    const saved = profileOf(preset, columns, {
      ...draft,
      id: ' pdd_mine ',
      columns: { ...draft.columns, amount: '实退金额', reason: undefined, sku: '商家编码' },
      type_values: [...draft.type_values, { word: ' 换货 ', code: '3' }, { word: '', code: '' }],
    });
    expect(saved).toEqual({
      id: 'pdd_mine',
      name_en: 'Pinduoduo after-sales export (mine)',
      name_zh: '拼多多售后导出（自定义）',
      platform: 'pdd',
      kind: 'aftersales',
      columns: { request_id: '售后编号|售后单号', type: '售后类型', amount: '实退金额', sku: '商家编码' },
      type_values: { 仅退款: '1', 换货: '3' },
      status_values: { 退款成功: '10' },
      builtin: false,
    });
  });

  it('checks ids as the engine does', () => {
    expect(isProfileId('pdd_aftersales-2')).toBe(true);
    expect(isProfileId('my profile')).toBe(false);
    expect(isProfileId('拼多多')).toBe(false);
    expect(isProfileId('a'.repeat(41))).toBe(false);
  });

  it('finds the field an engine validation error is about', () => {
    const fields = columns.map((column) => column.field);
    expect(rejectedPath({ code: 'validation', message: 'id: letters, digits, _ and - only, up to 40' }, fields)).toEqual(['id']);
    expect(rejectedPath({ code: 'validation', message: 'name_en: give the profile a name' }, fields)).toEqual(['name_en']);
    expect(rejectedPath({ code: 'validation', message: 'columns: amount is required: name the header it is read from' }, fields)).toEqual([
      'columns',
      'amount',
    ]);
    expect(rejectedPath({ code: 'validation', message: "columns: 'total' is not a field of this kind of list" }, fields)).toBeNull();
    expect(rejectedPath({ code: 'validation', message: 'platform: pdd or taobao' }, fields)).toBeNull();
    expect(rejectedPath({ code: 'internal', message: 'id: disk full' }, fields)).toBeNull();
  });
});
