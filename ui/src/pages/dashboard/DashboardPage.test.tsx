import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Metrics, MetricsQuery } from '../../bindings';
import { shop } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { fakeBackend } from '../../test/repairFixtures';
import { DashboardPage } from './DashboardPage';

const SHOPS = [shop({ id: 1, name: 'Demo shop', currency: 'USD' }), shop({ id: 2, name: 'Tea house', currency: 'CNY' })];

function metrics(overrides: Partial<Metrics> = {}): Metrics {
  return {
    start: '2026-10-12T00:00:00Z',
    end: '2026-11-11T00:00:00Z',
    shop_id: null,
    intervention_rate: { numerator: 3, denominator: 250, value: 0.012 },
    intervention_average: null,
    intervention_warning: false,
    intervention_second_cycle: false,
    first_response: { count: 40, median_ms: 2 * 3_600_000 + 15 * 60_000, p90_ms: 45 * 60_000 + 10 * 3_600_000 },
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
      { key: 'damaged', rate: { numerator: 6, denominator: 250, value: 0.024 }, priority: 0.144 },
      { key: 'wrong_size', rate: { numerator: 2, denominator: 250, value: 0.008 }, priority: 0.016 },
    ],
    return_skus: [
      { key: 'PHX-128', rate: { numerator: 4, denominator: 40, value: 0.1 }, priority: 0.4 },
      { key: 'TEA-01', rate: { numerator: 0, denominator: 0, value: null }, priority: null },
    ],
    resolution: { count: 12, median_ms: 3 * 86_400_000, p90_ms: null },
    repair_turnaround: { count: 5, median_ms: 30 * 60_000, p90_ms: 90 * 60_000 },
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
    ...overrides,
  };
}

function backendWith(answer: (query: MetricsQuery) => Metrics = () => metrics()) {
  const calls = {
    metrics: vi.fn(async (query: MetricsQuery) => answer(query)),
    setInterventionAverage: vi.fn(async () => null),
  };
  return { backend: fakeBackend(calls), ...calls };
}

function kpi(testId: string) {
  return screen.getByTestId(testId);
}

describe('DashboardPage', () => {
  it('shows the KPIs for the last 30 days across shops, and "No data" for a ratio without a base', async () => {
    const { backend, metrics: call } = backendWith();
    renderIn('en', <DashboardPage shops={SHOPS} />, backend);

    await screen.findByTestId('kpi-intervention');
    expect(call).toHaveBeenCalledWith({ shop_id: null, window_days: 30, at: null });
    const intervention = kpi('kpi-intervention');
    expect(intervention).toHaveTextContent('1.2%');
    expect(intervention).toHaveTextContent('3 interventions');
    expect(intervention).toHaveTextContent('3 / 250');
    expect(intervention.dataset.warning).toBe('false');
    expect(within(intervention).queryByTestId('second-cycle')).toBeNull();
    expect(within(intervention).queryByTestId('intervention-average'), 'the average needs one shop').toBeNull();

    expect(kpi('kpi-first-response')).toHaveTextContent('2 h 15 min');
    expect(kpi('kpi-first-response')).toHaveTextContent('p90 10 h 45 min');
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
    const { backend } = backendWith(() => metrics({ intervention_warning: true, intervention_second_cycle: true }));
    renderIn('en', <DashboardPage shops={SHOPS} />, backend);

    const intervention = await screen.findByTestId('kpi-intervention');
    expect(intervention.dataset.warning).toBe('true');
    expect(within(intervention).getByTestId('kpi-value')).toHaveClass('ant-typography-danger');
    expect(within(intervention).getByTestId('second-cycle')).toHaveTextContent('Second cycle');
  });

  it('asks again for the last 7 days when the window changes', async () => {
    const { backend, metrics: call } = backendWith();
    renderIn('en', <DashboardPage shops={SHOPS} />, backend);

    await screen.findByTestId('kpi-intervention');
    fireEvent.click(within(screen.getByTestId('dashboard-window')).getByText('7 days'));
    await waitFor(() => expect(call).toHaveBeenLastCalledWith({ shop_id: null, window_days: 7, at: null }));
  });

  it('lists return reasons and SKUs as given, with "—" for a rate without a base, and deadlines per kind', async () => {
    const { backend } = backendWith();
    renderIn('en', <DashboardPage shops={SHOPS} />, backend);

    const reasons = await screen.findByTestId('reasons-table');
    const reasonRows = within(reasons).getAllByRole('row').slice(1);
    expect(reasonRows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['damaged', '6', '250', '2.4%', '0.144'],
      ['wrong_size', '2', '250', '0.8%', '0.016'],
    ]);
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
    await waitFor(() => expect(call).toHaveBeenLastCalledWith({ shop_id: 2, window_days: 30, at: null }));

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
  });
});
