import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../backend/Backend';
import type { DueInput, RemindersDto } from '../../bindings';
import { formatDateTime } from '../../i18n/format';
import { caseDetail, caseSummary, dueItem } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { DueSoonPage } from './DueSoonPage';

const NOW = Date.parse('2026-11-10T12:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

/** What the engine would remind of now: a breach, a lead time of a snoozed case, a call held by quiet hours. */
const reminders: RemindersDto = {
  at: at(0),
  due: [
    {
      key: 'clock:11:0',
      kind: 'breach',
      case_id: 1,
      followup_id: null,
      repair_id: null,
      lead_minutes: 0,
      fire_at: at(-90),
      title: 'Deadline passed: #1001',
      body: 'Answer the request: the platform refunds the buyer',
      why: 'the deadline has passed; stands in for 1 earlier reminder(s) not shown: clock:11:60',
    },
    {
      key: 'followup:4',
      kind: 'followup_overdue',
      case_id: null,
      followup_id: 4,
      repair_id: null,
      lead_minutes: 0,
      fire_at: at(-30),
      title: 'Call overdue: Ada Lovelace',
      body: 'R-00001 Phone X',
      why: 'the call is a day past due',
    },
  ],
  held: [
    { key: 'clock:12:240', case_id: 2, until: at(180), reason: 'snoozed' },
    { key: 'repair:1:5', case_id: null, until: at(20 * 60), reason: 'quiet hours' },
  ],
  next_wake: at(100),
  due_within_24h: 3,
};

function dueBackend() {
  const items = [
    dueItem({ id: 1, order_number: '#1001', at_stake: '25.00' }, { id: 11, due: at(-90), kind: 'merchant_response', consequence: 'auto_refund' }),
    dueItem({ id: 2, order_number: '#1002', at_stake: '88.80', currency: 'CNY', shop: 'Tea house', platform: 'woocommerce' }, { id: 12, due: at(100), kind: 'merchant_confirm_receipt', consequence: 'auto_refund' }),
    dueItem({ id: 3, order_number: null, order_id: null, customer: 'Lin Wei' }, { id: 13, due: at(20 * 60), kind: 'buyer_ship_back', consequence: 'auto_close' }),
  ];
  const calls = {
    dueClocks: vi.fn(async (input: DueInput) => items.filter((item) => Date.parse(item.clock.due) <= NOW + input.within_hours * 3_600_000)),
    getCase: vi.fn(async ({ id }: { id: number }) => caseDetail({ case: caseSummary({ id, order_number: `#100${id}` }) })),
    remindersDue: vi.fn(async (): Promise<RemindersDto> => reminders),
    menuCounts: vi.fn(async ({ due_within_hours }: { due_within_hours: number }) => ({
      due: items.filter((item) => Date.parse(item.clock.due) <= NOW + due_within_hours * 3_600_000).length,
      followups_due: 0,
      followups_overdue: 0,
    })),
  };
  const backend = new Proxy(calls as unknown as Backend, {
    get: (target, command) =>
      command in target ? target[command as keyof Backend] : () => Promise.reject(new Error(`unexpected ${String(command)}`)),
  });
  return { backend, ...calls };
}

describe('DueSoonPage', () => {
  it('groups the next 24 h of deadlines into overdue, next 4 hours and later, and opens a case from a row', async () => {
    const { backend, dueClocks, getCase } = dueBackend();
    renderIn('en', <DueSoonPage />, backend);

    await waitFor(() => expect(screen.getAllByTestId('due-row')).toHaveLength(3));
    expect(dueClocks).toHaveBeenCalledWith({ within_hours: 24, shop_id: null, at: null, limit: 300 });

    const overdue = within(screen.getByTestId('due-group-overdue'));
    expect(overdue.getByText('Overdue', { selector: 'h5' })).toBeInTheDocument();
    const late = within(overdue.getByTestId('due-row'));
    expect(late.getByTestId('countdown-chip')).toHaveTextContent('Overdue 1 h 30 m');
    expect(late.getByText('#1001')).toBeInTheDocument();
    expect(late.getByText('Answer the request')).toBeInTheDocument();
    expect(late.getByText('platform refunds the buyer')).toBeInTheDocument();
    expect(late.getByText('$25.00')).toBeInTheDocument();

    const soon = within(within(screen.getByTestId('due-group-next4h')).getByTestId('due-row'));
    expect(soon.getByTestId('countdown-chip')).toHaveTextContent('1 h 40 m');
    expect(soon.getByText('Tea house')).toBeInTheDocument();
    expect(soon.getByText('Confirm receipt')).toBeInTheDocument();
    expect(soon.getByText('CN¥88.80')).toBeInTheDocument();

    const later = within(within(screen.getByTestId('due-group-later')).getByTestId('due-row'));
    expect(later.getByText('Lin Wei')).toBeInTheDocument();
    expect(later.getByText('request closes')).toBeInTheDocument();

    fireEvent.click(soon.getByText('Tea house'));
    expect(await screen.findByText('Case #2 · Order #1002')).toBeInTheDocument();
    expect(getCase).toHaveBeenCalledWith({ id: 2 });
  });

  it('says how many there are when a big shop has more than the page shows', async () => {
    const { backend, menuCounts } = dueBackend();
    menuCounts.mockImplementation(async () => ({ due: 41_234, followups_due: 0, followups_overdue: 0 }));
    renderIn('en', <DueSoonPage />, backend);

    const note = await screen.findByTestId('due-showing-most');
    expect(note).toHaveTextContent('Showing the 3 most urgent of 41,234 deadlines in this window');
  });

  it('asks for another window in Chinese', async () => {
    const { backend, dueClocks } = dueBackend();
    renderIn('zh-CN', <DueSoonPage />, backend);
    await waitFor(() => expect(screen.getAllByTestId('due-row')).toHaveLength(3));

    fireEvent.click(within(screen.getByTestId('due-window')).getByText('4 小时'));

    await waitFor(() => expect(dueClocks).toHaveBeenLastCalledWith({ within_hours: 4, shop_id: null, at: null, limit: 300 }));
    await waitFor(() => expect(screen.getAllByTestId('due-row')).toHaveLength(2));
    expect(within(screen.getByTestId('due-group-overdue')).getByTestId('countdown-chip')).toHaveTextContent('已超时 1 小时 30 分');
    expect(screen.queryByTestId('due-group-later')).toBeNull();
  });

  it('lists the reminders due now, why on hover, and what is held until when, and reads them again every minute', async () => {
    vi.useRealTimers();
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
    const { backend, remindersDue, getCase } = dueBackend();
    renderIn('en', <DueSoonPage />, backend);

    const preview = within(screen.getByTestId('reminders-preview'));
    expect(preview.getByText('Reminders')).toBeInTheDocument();
    await waitFor(() => expect(preview.getAllByTestId('reminder-due')).toHaveLength(2));
    expect(remindersDue).toHaveBeenCalledWith({ at: null });
    const rows = preview.getAllByTestId('reminder-due');
    const breach = within(rows[0]!);
    const call = within(rows[1]!);
    expect(breach.getByText('Deadline passed', { selector: '.ant-tag' })).toBeInTheDocument();
    expect(breach.getByText('Answer the request: the platform refunds the buyer')).toBeInTheDocument();
    expect(call.getByText('Call overdue', { selector: '.ant-tag' })).toBeInTheDocument();
    expect(call.getByText('R-00001 Phone X')).toBeInTheDocument();

    fireEvent.mouseEnter(breach.getByText('Deadline passed: #1001'));
    expect(await screen.findByText(/stands in for 1 earlier reminder/)).toBeInTheDocument();

    const [snoozed, quiet] = preview.getAllByTestId('reminder-held');
    expect(snoozed).toHaveTextContent(`snoozedCase #2until ${formatDateTime(at(180), 'en')}`);
    expect(quiet).toHaveTextContent(`quiet hoursCall or repair reminderuntil ${formatDateTime(at(20 * 60), 'en')}`);

    fireEvent.click(breach.getByText('Deadline passed: #1001'));
    expect(await screen.findByText('Case #1 · Order #1001')).toBeInTheDocument();
    expect(getCase).toHaveBeenCalledWith({ id: 1 });

    const reads = remindersDue.mock.calls.length;
    vi.advanceTimersByTime(60_000);
    await waitFor(() => expect(remindersDue.mock.calls.length).toBeGreaterThan(reads));
  });

  it('pages a big shop\'s reminders twenty at a time', async () => {
    const { backend, remindersDue } = dueBackend();
    const first = reminders.due[0]!;
    const many = Array.from({ length: 45 }, (_, i) => ({ ...first, key: `clock:${100 + i}:0`, title: `Deadline passed: #${2000 + i}` }));
    remindersDue.mockResolvedValue({ ...reminders, due: many, held: [] });
    renderIn('en', <DueSoonPage />, backend);

    const preview = within(screen.getByTestId('reminders-preview'));
    await waitFor(() => expect(preview.getAllByTestId('reminder-due')).toHaveLength(20));
    expect(preview.getByText('Deadline passed: #2000')).toBeInTheDocument();
    fireEvent.click(preview.getByTitle('3'));
    await waitFor(() => expect(preview.getAllByTestId('reminder-due')).toHaveLength(5));
    expect(preview.getByText('Deadline passed: #2044')).toBeInTheDocument();
  });

  it('says when nothing is due and names why reminders are held, in Chinese', async () => {
    const { backend, remindersDue } = dueBackend();
    remindersDue.mockResolvedValue({ ...reminders, due: [] });
    renderIn('zh-CN', <DueSoonPage />, backend);

    const preview = within(screen.getByTestId('reminders-preview'));
    expect(await preview.findByText(`目前没有要发出的提醒 · 下一次提醒：${formatDateTime(at(100), 'zh-CN')}`)).toBeInTheDocument();
    expect(preview.queryAllByTestId('reminder-due')).toHaveLength(0);
    const [snoozed, quiet] = preview.getAllByTestId('reminder-held');
    expect(snoozed).toHaveTextContent(`已暂停售后单 #2至 ${formatDateTime(at(180), 'zh-CN')}`);
    expect(quiet).toHaveTextContent('免打扰时段回访或维修提醒');
  });

  it('shows why the reminders could not be read, above the deadlines', async () => {
    const { backend, remindersDue } = dueBackend();
    remindersDue.mockRejectedValue({ code: 'internal', message: 'database is locked' });
    renderIn('en', <DueSoonPage />, backend);

    expect(await within(screen.getByTestId('reminders-preview')).findByText('database is locked')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('due-row')).toHaveLength(3));
  });
});
