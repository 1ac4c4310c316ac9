import type { ImportPreviewDto, ImportProfile, ImportReportDto } from '../bindings';

function preset(id: string, platform: string, kind: ImportProfile['kind'], name_en: string, name_zh: string): ImportProfile {
  return { id, name_en, name_zh, platform, kind, columns: {}, type_values: {}, status_values: {}, builtin: true };
}

/** The presets the engine ships (columns only where a test reads them), and a merchant's own Taobao profile. */
export function importProfiles(): ImportProfile[] {
  const pddAftersales = preset('pdd_aftersales', 'pdd', 'aftersales', 'Pinduoduo after-sales export', '拼多多售后导出');
  pddAftersales.columns = { request_id: '售后编号|售后单号', order_id: '订单号|订单编号', type: '售后类型', amount: '退款金额(元)|退款金额' };
  return [
    preset('pdd_orders', 'pdd', 'orders', 'Pinduoduo orders export', '拼多多订单导出'),
    pddAftersales,
    preset('taobao_orders', 'taobao', 'orders', 'Taobao orders report', '淘宝订单报表'),
    preset('taobao_refunds', 'taobao', 'aftersales', 'Taobao refunds report', '淘宝退款报表'),
    { ...preset('my_taobao', 'taobao', 'orders', 'My Taobao sheet', '我的淘宝表'), builtin: false },
  ];
}

/** A Pinduoduo after-sales file read with its preset: two good rows, one with an amount of three decimals. */
export function importPreview(overrides: Partial<ImportPreviewDto> = {}): ImportPreviewDto {
  return {
    encoding: 'GB18030',
    headers: ['售后编号', '订单号', '售后类型', '退款金额(元)'],
    columns: [
      { field: 'request_id', required: true, header: '售后编号' },
      { field: 'order_id', required: true, header: '订单号' },
      { field: 'type', required: true, header: '售后类型' },
      { field: 'amount', required: true, header: '退款金额(元)' },
      { field: 'reason', required: false, header: null },
    ],
    rows: [
      ['9001', '261127-1001', '仅退款', '29.90', ''],
      ['9002', '261127-1002', '退货退款', '12.345', ''],
      ['9003', '261127-1003', '仅退款', '5.00', ''],
    ],
    total_rows: 3,
    records: 2,
    bad: [{ line: 3, reason: 'amount: 12.345 has more than two decimals' }],
    bad_count: 1,
    problem: null,
    ...overrides,
  };
}

export function importReport(overrides: Partial<ImportReportDto> = {}): ImportReportDto {
  return {
    encoding: 'GB18030',
    rows: 3,
    written: true,
    orders_new: 0,
    orders_updated: 0,
    orders_unchanged: 0,
    requests_changed: 2,
    requests_unchanged: 0,
    cases_opened: 2,
    cases_moved: 0,
    bad: [{ line: 3, reason: 'amount: 12.345 has more than two decimals' }],
    ...overrides,
  };
}
