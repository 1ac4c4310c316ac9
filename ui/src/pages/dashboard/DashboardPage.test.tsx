import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExportMetricsInput, Metrics, MetricsQuery, SavePathInput } from '../../bindings';
import { shop } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { fakeBackend } from '../../test/repairFixtures';
import { DashboardPage } from './DashboardPage';

const SHOPS = [shop({ id: 1, name: 'Demo shop', currency: 'USD' }), shop({ id: 2, name: 'Tea house', currency: 'CNY' })];

function metrics(overrides: Partial<Metrics> = {}): Metrics {
  return { ...thisWindow(), previous: previousWindow(), ...overrides };
}

function thisWindow(): Metrics {
  return {
    start: '2026-10-12T00:00:00Z',
    end: '2026-11-11T00:00:00Z',
    shop_id: null,
    intervention_rate: { numerator: 3, denominator: 250, value: 0.012 },
    intervention_average: null,
    intervention_warning: false,
    intervention_second_cycle: false,
    intervention_top3_unknown: false,
    first_response: { count: 40, median_ms: 2 * 3_600_000 + 15 * 60_000, p90_ms: 45 * 60_000 + 10 * 3_600_000, left_out: 7 },
    clock_compliance: [
      { kind: 'merchant_response', compliance: { numerator: 18, denominator: 20, value: 0.9 }, breached: 2 },
      { kind: 'refund_after_receipt', compliance: { numerator: 9, denominator: 10, value: 0.9 }, breached: 1 },
      { kind: 'first_response', compliance: { numerator: 0, denominator: 0, value: null }, breached: 0 },
    ],
    clocks_breached: 3,
    auto_refunded: [
      { currency: 'CNY', minor: 8800, amount: '88.00' },
      { currency: 'USD', minor: 2550, amount: '25.50' },
    ],
    refund_rate: { numerator: 10, denominator: 250, value: 0.04 },
    return_reasons: [
      { key: 'damaged', label_en: 'Arrived damaged', label_zh: '到货破损', rate: { numerator: 6, denominator: 250, value: 0.024 }, priority: 0.144 },
      { key: 'wrong_size', label_en: null, label_zh: null, rate: { numerator: 2, denominator: 250, value: 0.008 }, priority: 0.016 },
    ],
    return_skus: [
      { key: 'PHX-128', label_en: null, label_zh: null, rate: { numerator: 4, denominator: 40, value: 0.1 }, priority: 0.4 },
      { key: 'TEA-01', label_en: null, label_zh: null, rate: { numerator: 0, denominator: 0, value: null }, priority: null },
    ],
    resolution: { count: 12, median_ms: 3 * 86_400_000, p90_ms: null, left_out: 0 },
    repair_turnaround: { count: 5, median_ms: 30 * 60_000, p90_ms: 90 * 60_000, left_out: 0 },
    repairs_past_due: { numerator: 1, denominator: 5, value: 0.2 },
    repeat_repairs: { numerator: 1, denominator: 8, value: 0.125 },
    csat: { numerator: 0, denominator: 0, value: null },
    cost: [
      { currency: 'USD', minor: 12000, amount: '120.00' },
      { currency: 'CNY', minor: 50000, amount: '500.00' },
    ],
    series: [
      { date: '2026-11-09', orders_completed: 9, cases_opened: 1, interventions: 0, clocks_met: 2, clocks_breached: 0, repairs_returned: 1 },
      { date: '2026-11-10', orders_completed: 7, cases_opened: 2, interventions: 1, clocks_met: 1, clocks_breached: 1, repairs_returned: 0 },
    ],
    previous: null,
  };
}

/** The 30 days before: a lower intervention rate, a slower first response, fewer deadlines kept, more yuan refunded. */
function previousWindow(overrides: Partial<Metrics> = {}): Metrics {
  return {
    ...thisWindow(),
    start: '2026-09-12T00:00:00Z',
    end: '2026-10-12T00:00:00Z',
    intervention_rate: { numerator: 2, denominator: 250, value: 0.008 },
    first_response: { count: 30, median_ms: 4 * 3_600_000 + 45 * 60_000, p90_ms: null, left_out: 0 },
    clock_compliance: [
      { kind: 'merchant_response', compliance: { numerator: 16, denominator: 20, value: 0.8 }, breached: 4 },
      { kind: 'refund_after_receipt', compliance: { numerator: 8, denominator: 10, value: 0.8 }, breached: 2 },
    ],
    auto_refunded: [{ currency: 'CNY', minor: 10000, amount: '100.00' }],
    csat: { numerator: 9, denominator: 10, value: 0.9 },
    series: [],
    previous: null,
    ...overrides,
  };
}

/** An engine answering `metrics` with `answer`, whose save dialog answers `chosen` (null: cancelled). */
function backendWith(answer: (query: MetricsQuery) => Metrics = () => metrics(), chosen: string | null = '/home/me/dashboard.xlsx') {
  const calls = {
    metrics: vi.fn(async (query: MetricsQuery) => answer(query)),
    setInterventionAverage: vi.fn(async () => null),
    chooseSavePath: vi.fn(async (_: SavePathInput) => chosen),
    exportMetrics: vi.fn(async (input: ExportMetricsInput) => ({ path: input.out ?? 'default', rows: 40, format: 'xlsx' as const })),
  };
  return { backend: fakeBackend(calls), ...calls };
}

function kpi(testId: string) {
  return screen.getByTestId(testId);
}

/** A card's change line and its movements (one per currency for money). */
function change(testId: string) {
  const line = within(kpi(testId)).getByTestId('kpi-change');
  return { line, deltas: within(line).queryAllByTestId('kpi-delta') };
}

/** antd's default theme: what `token.colorError` and `token.colorSuccess` are. */
const RED = 'rgb(255, 77, 79)';
const GREEN = 'rgb(82, 196, 26)';

/** A day cell of the open range picker (its title is the day as YYYY-MM-DD). */
function dayCell(day: string) {
  const cell = document.querySelector<HTMLElement>(`.ant-picker-dropdown .ant-picker-cell-in-view[title="${day}"]`);
  expect(cell, `the picker shows ${day}`).not.toBeNull();
  return cell!;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('DashboardPage', () => {
  it('shows the KPIs for the last 30 days across shops, and "No data" for a ratio without a base', async () => {
    const { backend, metrics: call } = backendWith();
    renderIn('en', <DashboardPage shops={SHOPS} />, backend);

    await screen.findByTestId('kpi-intervention');
    expect(call).toHaveBeenCalledWith({ shop_id: null, window_days: 30, at: null, from: null });
    const intervention = kpi('kpi-intervention');
    expect(intervention).toHaveTextContent('1.2%');
    expect(intervention).toHaveTextContent('3 interventions');
    expect(intervention).toHaveTextContent('3 / 250');
    expect(intervention.dataset.warning).toBe('false');
    expect(within(intervention).queryByTestId('second-cycle')).toBeNull();
    expect(within(intervention).queryByTestId('intervention-average'), 'the average needs one shop').toBeNull();

    expect(kpi('kpi-first-response')).toHaveTextContent('2 h 15 min');
    expect(kpi('kpi-first-response')).toHaveTextContent('p90 10 h 45 min');
    expect(within(kpi('kpi-first-response')).getByTestId('kpi-left-out'), 'what was not measured, and why').toHaveTextContent(
      '7 left out: first seen already finished, with no request time from the platform',
    );
    expect(within(kpi('kpi-resolution')).queryByTestId('kpi-left-out'), 'none left out: nothing said').toBeNull();
    expect(kpi('kpi-clocks'), 'met over judged, summed over kinds').toHaveTextContent('90%');
    expect(kpi('kpi-clocks')).toHaveTextContent('27 / 30');
    expect(kpi('kpi-clocks')).toHaveTextContent('3 missed');
    expect(kpi('kpi-refund-rate')).toHaveTextContent('4%');
    expect(kpi('kpi-resolution')).toHaveTextContent('3 d');
    expect(kpi('kpi-repair-turnaround')).toHaveTextContent('30 min');
    expect(kpi('kpi-repair-turnaround')).toHaveTextContent('20% past due');
    expect(kpi('kpi-repeat-repairs')).toHaveTextContent('12.5%');

    const csat = kpi('kpi-csat');
    expect(within(csat).getByTestId('kpi-value')).toHaveTextContent('No data');
    expect(csat).not.toHaveTextContent(/0\s*%|NaN/);
  });

  it('shows money per currency, never adding one currency to another', async () => {
    const { backend } = backendWith();
    renderIn('en', <DashboardPage shops={SHOPS} />, backend);

    const refunded = await screen.findByTestId('kpi-auto-refunded');
    expect(within(refunded).getAllByTestId('money').map((m) => [m.dataset.currency, m.textContent])).toEqual([
      ['CNY', 'CN¥88.00'],
      ['USD', '$25.50'],
    ]);
    const cost = kpi('kpi-cost');
    expect(within(cost).getAllByTestId('money').map((m) => m.textContent)).toEqual(['$120.00', 'CN¥500.00']);
    expect(cost, 'no figure adds dollars to yuan').not.toHaveTextContent(/620/);
    expect(refunded).not.toHaveTextContent(/113\.50/);
  });

  it('marks the intervention rate red with a second-cycle tag when it is above the category average', async () => {
    const { backend } = backendWith(() => metrics({ intervention_warning: true, intervention_second_cycle: true, intervention_top3_unknown: true }));
    renderIn('en', <DashboardPage shops={SHOPS} />, backend);

    const intervention = await screen.findByTestId('kpi-intervention');
    expect(intervention.dataset.warning).toBe('true');
    expect(within(intervention).getByTestId('kpi-value')).toHaveClass('ant-typography-danger');
    expect(within(intervention).getByTestId('second-cycle')).toHaveTextContent('Second cycle');
    expect(within(intervention).getByTestId('top3-unknown')).toHaveTextContent("category's top 3, which one shop cannot see");
  });

  it('asks again for the last 7 days when the window changes', async () => {
    const { backend, metrics: call } = backendWith();
    renderIn('en', <DashboardPage shops={SHOPS} />, backend);

    await screen.findByTestId('kpi-intervention');
    fireEvent.click(within(screen.getByTestId('dashboard-window')).getByText('7 days'));
    await waitFor(() => expect(call).toHaveBeenLastCalledWith({ shop_id: null, window_days: 7, at: null, from: null }));
  });

  it('lists return reasons and SKUs as given, with "—" for a rate without a base, and deadlines per kind', async () => {
    const { backend } = backendWith();
    renderIn('en', <DashboardPage shops={SHOPS} />, backend);

    const reasons = await screen.findByTestId('reasons-table');
    const reasonRows = within(reasons).getAllByRole('row').slice(1);
    expect(reasonRows.map((row) => within(row).getAllByRole('cell').slice(1).map((cell) => cell.textContent))).toEqual([
      ['6', '250', '2.4%', '0.144'],
      ['2', '250', '0.8%', '0.016'],
    ]);
    expect(within(reasons).getAllByTestId('key-name').map((name) => name.textContent), 'named from the reason tree').toEqual([
      'Arrived damaged',
      'wrong_size',
    ]);
    expect(within(reasons).getAllByTestId('key-code').map((code) => code.textContent), 'the code beneath a name').toEqual(['damaged']);
    const skuRows = within(screen.getByTestId('skus-table')).getAllByRole('row').slice(1);
    expect(skuRows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['PHX-128', '4', '40', '10%', '0.4'],
      ['TEA-01', '0', '0', '—', '—'],
    ]);
    const clockRows = within(screen.getByTestId('clocks-table')).getAllByRole('row').slice(1);
    expect(clockRows[0]).toHaveTextContent('Answer the request');
    expect(clockRows[0]).toHaveTextContent('90%');
    expect(clockRows[2]).toHaveTextContent('First response');
    expect(clockRows[2]).toHaveTextContent('—');
  });

  it('edits the category average of the one shop asked about', async () => {
    const { backend, metrics: call, setInterventionAverage } = backendWith((query) =>
      metrics({ shop_id: query.shop_id, intervention_average: query.shop_id === null ? null : 0.008 }),
    );
    renderIn('en', <DashboardPage shops={SHOPS} />, backend);

    await screen.findByTestId('kpi-intervention');
    const select = screen.getByTestId('dashboard-shop');
    fireEvent.mouseDown(select.querySelector('.ant-select-selector')!);
    fireEvent.click((await screen.findAllByText('Tea house', { selector: '.ant-select-item-option-content' })).at(-1)!);
    await waitFor(() => expect(call).toHaveBeenLastCalledWith({ shop_id: 2, window_days: 30, at: null, from: null }));

    const average = await screen.findByTestId('intervention-average');
    await waitFor(() => expect(average).toHaveTextContent('Category average: 0.8%'));
    fireEvent.click(within(average).getByRole('button', { name: 'Edit the category average' }));
    const input = screen.getByRole('textbox', { name: 'Category average' });
    expect(input).toHaveValue('0.8');
    fireEvent.change(input, { target: { value: '1.1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(setInterventionAverage).toHaveBeenCalledWith({ shop_id: 2, percent: '1.1' }));
    await screen.findByTestId('intervention-average');
  });

  it('speaks Chinese, with 暂无数据 for no data', async () => {
    const { backend } = backendWith();
    renderIn('zh-CN', <DashboardPage shops={SHOPS} />, backend);

    const csat = await screen.findByTestId('kpi-csat');
    expect(csat).toHaveTextContent('客户满意度');
    expect(within(csat).getByTestId('kpi-value')).toHaveTextContent('暂无数据');
    expect(kpi('kpi-first-response')).toHaveTextContent('2 小时 15 分钟');
    expect(kpi('kpi-first-response')).toHaveTextContent('另有 7 单未计入：首次同步时已完结，平台未给出申请时间');
    expect(change('kpi-intervention').line).toHaveTextContent('▲ 0.4 个百分点 较前 30 天');
    expect(change('kpi-first-response').line).toHaveTextContent('▼ 2.5 小时');
    expect(change('kpi-csat').line).toHaveTextContent('暂无往期数据');

    const reasons = await screen.findByTestId('reasons-table');
    expect(within(reasons).getAllByTestId('key-name').map((name) => name.textContent)).toEqual(['到货破损', 'wrong_size']);
    expect(within(reasons).getByTestId('key-code')).toHaveTextContent('damaged');
    expect(screen.getByTestId('dashboard-export')).toHaveTextContent('导出 Excel');
  });

  it('compares every KPI with the window before: a rise is red where lower is better, green where higher is', async () => {
    const { backend } = backendWith();
    renderIn('en', <DashboardPage shops={SHOPS} />, backend);
    await screen.findByTestId('kpi-intervention');

    const intervention = change('kpi-intervention');
    expect(intervention.line).toHaveTextContent('▲ 0.4 pp vs previous 30 days');
    expect(intervention.deltas[0]!.dataset).toMatchObject({ trend: 'up', tone: 'bad' });
    expect(intervention.deltas[0]).toHaveStyle({ color: RED });

    const firstResponse = change('kpi-first-response');
    expect(firstResponse.line).toHaveTextContent('▼ 2.5 h vs previous 30 days');
    expect(firstResponse.deltas[0]!.dataset).toMatchObject({ trend: 'down', tone: 'good' });
    expect(firstResponse.deltas[0]).toHaveStyle({ color: GREEN });

    const clocks = change('kpi-clocks');
    expect(clocks.line, '27/30 against 24/30').toHaveTextContent('▲ 10 pp');
    expect(clocks.deltas[0]!.dataset, 'more deadlines kept is good news').toMatchObject({ trend: 'up', tone: 'good' });
    expect(clocks.deltas[0]).toHaveStyle({ color: GREEN });

    const refunded = change('kpi-auto-refunded');
    expect(refunded.deltas.map((delta) => [delta.textContent, delta.dataset.tone]), 'per currency, a missing one counting as none').toEqual([
      ['▼ CN¥12.00', 'good'],
      ['▲ $25.50', 'bad'],
    ]);

    expect(change('kpi-refund-rate').deltas[0]!.dataset).toMatchObject({ trend: 'flat', tone: 'neutral' });
    expect(change('kpi-refund-rate').line).toHaveTextContent('No change');
    expect(change('kpi-csat').line, 'no answers in this window').toHaveTextContent('No earlier data');
    expect(change('kpi-csat').deltas).toEqual([]);
    expect(within(kpi('kpi-intervention')).getByLabelText(/Orders the platform stepped in on during the window/), 'the definition is still on hover').toBeInTheDocument();
  });

  it('shows a fall in satisfaction as bad news, and "No earlier data" everywhere without a previous window', async () => {
    const worse = metrics({ csat: { numerator: 8, denominator: 10, value: 0.8 } });
    const { backend, metrics: call } = backendWith((query) => (query.window_days === 7 ? metrics({ previous: null }) : worse));
    renderIn('en', <DashboardPage shops={SHOPS} />, backend);
    await screen.findByTestId('kpi-csat');

    const csat = change('kpi-csat');
    expect(csat.line).toHaveTextContent('▼ 10 pp vs previous 30 days');
    expect(csat.deltas[0]!.dataset).toMatchObject({ trend: 'down', tone: 'bad' });
    expect(csat.deltas[0]).toHaveStyle({ color: RED });

    fireEvent.click(within(screen.getByTestId('dashboard-window')).getByText('7 days'));
    await waitFor(() => expect(call).toHaveBeenLastCalledWith({ shop_id: null, window_days: 7, at: null, from: null }));
    await waitFor(() => expect(change('kpi-csat').line).toHaveTextContent('No earlier data'));
    const lines = screen.getAllByTestId('kpi-change');
    expect(lines).toHaveLength(10);
    expect(lines.map((line) => line.textContent)).toEqual(Array(10).fill('No earlier data'));
  });

  it('asks for whole custom days: from the first one\'s midnight to the midnight after the last, none in the future', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 11, 10, 30));
    const { backend, metrics: call, exportMetrics } = backendWith();
    renderIn('en', <DashboardPage shops={SHOPS} />, backend);
    await screen.findByTestId('kpi-intervention');
    expect(screen.queryByTestId('dashboard-range')).toBeNull();

    fireEvent.click(within(screen.getByTestId('dashboard-window')).getByText('Custom'));
    expect(screen.getByTestId('dashboard-range')).toBeInTheDocument();
    expect(await screen.findByText('Whole days up to today, at most 366 days.')).toBeInTheDocument();
    expect(dayCell('2026-11-12'), 'tomorrow cannot be picked').toHaveClass('ant-picker-cell-disabled');
    expect(call, 'nothing new to ask before the days are picked').toHaveBeenCalledTimes(1);

    fireEvent.click(dayCell('2026-11-02'));
    fireEvent.click(dayCell('2026-11-08'));

    const custom = { shop_id: null, window_days: 30, from: new Date(2026, 10, 2).toISOString(), at: new Date(2026, 10, 9).toISOString() };
    await waitFor(() => expect(call).toHaveBeenLastCalledWith(custom));

    fireEvent.click(screen.getByTestId('dashboard-export'));
    await waitFor(() => expect(exportMetrics).toHaveBeenCalledWith({ out: '/home/me/dashboard.xlsx', ...custom, lang: 'en' }));
  });

  it('exports the figures on screen to where the merchant chose, in the current language', async () => {
    const { backend, chooseSavePath, exportMetrics } = backendWith();
    renderIn('zh-CN', <DashboardPage shops={SHOPS} />, backend);
    await screen.findByTestId('kpi-intervention');

    fireEvent.click(screen.getByTestId('dashboard-export'));

    await waitFor(() => expect(exportMetrics).toHaveBeenCalledTimes(1));
    expect(chooseSavePath).toHaveBeenCalledWith({ default_name: expect.stringMatching(/^dashboard-\d{4}-\d{2}-\d{2}\.xlsx$/), extension: 'xlsx' });
    expect(exportMetrics).toHaveBeenCalledWith({
      out: '/home/me/dashboard.xlsx',
      shop_id: null,
      window_days: 30,
      at: null,
      from: null,
      lang: 'zh-CN',
    });
    const result = await screen.findByTestId('dashboard-export-result');
    expect(result).toHaveTextContent('看板已导出');
    expect(result).toHaveTextContent('/home/me/dashboard.xlsx');
  });

  it('does nothing when the merchant cancels the save dialog', async () => {
    const { backend, chooseSavePath, exportMetrics } = backendWith(() => metrics(), null);
    renderIn('en', <DashboardPage shops={SHOPS} />, backend);
    await screen.findByTestId('kpi-intervention');

    fireEvent.click(screen.getByTestId('dashboard-export'));

    await waitFor(() => expect(chooseSavePath).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByTestId('dashboard-export')).not.toHaveClass('ant-btn-loading'));
    expect(exportMetrics).not.toHaveBeenCalled();
    expect(screen.queryByTestId('dashboard-export-result')).toBeNull();
  });

  it("shows the engine's error when the export fails", async () => {
    const { backend, exportMetrics } = backendWith();
    exportMetrics.mockRejectedValueOnce({ code: 'precondition', message: 'cannot write /home/me/dashboard.xlsx' });
    renderIn('en', <DashboardPage shops={SHOPS} />, backend);
    await screen.findByTestId('kpi-intervention');

    fireEvent.click(screen.getByTestId('dashboard-export'));

    expect(await screen.findByText('cannot write /home/me/dashboard.xlsx')).toBeInTheDocument();
    expect(screen.queryByTestId('dashboard-export-result')).toBeNull();
  });
});
