import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FollowupDoneInput, FollowupDto, FollowupSettingsDto, FollowupsQuery } from '../../bindings';
import { fakeBackend, followup } from '../../test/repairFixtures';
import { renderIn } from '../../test/render';
import { FollowupsPage } from './FollowupsPage';

/** An engine in memory with two calls due (one overdue), one due later and one done; completing moves a call to done. */
function followupsBackend() {
  let calls: FollowupDto[] = [
    followup({ id: 1, overdue: true, due_at: '2026-11-08T08:00:00Z' }),
    followup({ id: 2, kind: 'case', case_id: 4, repair_id: null, subject: '#4 return_refund · #1004', customer: 'Lin Wei', phone: null, due_at: '2026-11-10T08:00:00Z', script: '您好，这里是Demo shop售后。' }),
    followup({ id: 3, subject: 'R-00003 Tablet S', due_at: '2099-01-01T00:00:00Z' }),
    followup({ id: 4, subject: 'R-00002 Phone Y', done_at: '2026-11-09T08:00:00Z', outcome: 'reached', csat: 4, note: 'Happy with the fix' }),
  ];
  let settings: FollowupSettingsDto = { case_delay_hours: 48, repair_delay_hours: 72, case_script: '', repair_script: '' };
  const api = {
    followups: vi.fn(async (query: FollowupsQuery) => {
      if (query.state === 'done') return calls.filter((call) => call.done_at !== null);
      const open = calls.filter((call) => call.done_at === null);
      return query.state === 'due' ? open.filter((call) => call.due_at < '2026-11-11T00:00:00Z') : open;
    }),
    completeFollowup: vi.fn(async (input: FollowupDoneInput) => {
      calls = calls.map((call) =>
        call.id === input.id ? { ...call, done_at: '2026-11-10T12:00:00Z', outcome: input.outcome, csat: input.csat, note: input.note, overdue: false } : call,
      );
      return calls.find((call) => call.id === input.id)!;
    }),
    followupSettings: vi.fn(async () => settings),
    updateFollowupSettings: vi.fn(async (input: FollowupSettingsDto) => {
      settings = input;
      return settings;
    }),
  };
  return { backend: fakeBackend(api), ...api };
}

describe('FollowupsPage', () => {
  it('lists the due calls with their count, the overdue one in red, and the script to read', async () => {
    const { backend, followups } = followupsBackend();
    renderIn('en', <FollowupsPage />, backend);

    const due = screen.getByTestId('followups-due');
    const overdue = await within(due).findByTestId('followup-1');
    expect(within(due).getByTestId('followup-2')).toBeInTheDocument();
    expect(within(due).queryByTestId('followup-3'), 'not due yet').not.toBeInTheDocument();
    expect(screen.getByTestId('followups-due-count')).toHaveTextContent('2');
    expect(followups).toHaveBeenCalledWith({ state: 'due', at: null, limit: 1000 });

    expect(overdue).toHaveAttribute('data-overdue', 'true');
    expect(within(overdue).getByText('Overdue')).toHaveClass('ant-tag-red');
    expect(within(overdue).getByTestId('followup-script')).toHaveTextContent('Your R-00001 Phone X came back from repair');
    expect(within(overdue).getByText('R-00001 Phone X')).toBeInTheDocument();
    expect(within(overdue).getByTestId('followup-phone')).toHaveTextContent('+1 555 0100');

    const onTime = screen.getByTestId('followup-2');
    expect(onTime).toHaveAttribute('data-overdue', 'false');
    expect(within(onTime).queryByText('Overdue')).not.toBeInTheDocument();
    expect(onTime).toHaveTextContent('no phone on file');

    fireEvent.click(screen.getByRole('tab', { name: 'All open' }));
    const open = await screen.findByTestId('followups-open');
    expect(await within(open).findByTestId('followup-3')).toBeInTheDocument();
  });

  it('pages a long queue twenty calls at a time, oldest due first', async () => {
    const many = Array.from({ length: 45 }, (_, i) => followup({ id: 100 + i, due_at: `2026-11-0${1 + Math.floor(i / 10)}T08:${String(i % 60).padStart(2, '0')}:00Z` }));
    const backend = fakeBackend({ followups: vi.fn(async () => many), followupSettings: vi.fn(async () => ({ case_delay_hours: 48, repair_delay_hours: 72, case_script: '', repair_script: '' })) });
    renderIn('en', <FollowupsPage />, backend);

    const due = screen.getByTestId('followups-due');
    expect(await within(due).findByTestId('followup-100')).toBeInTheDocument();
    expect(within(due).getAllByTestId(/^followup-\d+$/)).toHaveLength(20);
    expect(within(due).queryByTestId('followup-120'), 'the 21st is on the next page').not.toBeInTheDocument();
    fireEvent.click(within(due).getByTitle('3'));
    await waitFor(() => expect(within(due).getAllByTestId(/^followup-\d+$/)).toHaveLength(5));
    expect(within(due).getByTestId('followup-144')).toBeInTheDocument();
  });

  it('records a reached customer with the rating and note', async () => {
    const { backend, completeFollowup } = followupsBackend();
    renderIn('en', <FollowupsPage />, backend);

    fireEvent.click(await screen.findByTestId('followup-record-1'));
    const form = await screen.findByTestId('followup-record-form');
    const stars = within(within(form).getByTestId('followup-csat')).getAllByRole('radio');
    expect(stars).toHaveLength(5);
    fireEvent.click(stars[3]!);
    fireEvent.change(within(form).getByRole('textbox', { name: /^Note/ }), { target: { value: ' Works fine now ' } });
    fireEvent.click(within(form).getByTestId('followup-save'));

    await waitFor(() => expect(completeFollowup).toHaveBeenCalledWith({ id: 1, outcome: 'reached', csat: 4, note: 'Works fine now', at: null }));
    await waitFor(() => expect(screen.queryByTestId('followup-1')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByTestId('followups-due-count')).toHaveTextContent('1'));
  });

  it('sends no rating when the customer was not reached, even after stars were picked', async () => {
    const { backend, completeFollowup } = followupsBackend();
    renderIn('en', <FollowupsPage />, backend);

    fireEvent.click(await screen.findByTestId('followup-record-2'));
    const form = await screen.findByTestId('followup-record-form');
    fireEvent.click(within(within(form).getByTestId('followup-csat')).getAllByRole('radio')[4]!);
    fireEvent.click(within(form).getByRole('radio', { name: 'No answer' }));
    await waitFor(() => expect(within(form).queryByTestId('followup-csat'), 'no rating without a call').not.toBeInTheDocument());
    fireEvent.click(within(form).getByTestId('followup-save'));

    await waitFor(() => expect(completeFollowup).toHaveBeenCalledWith({ id: 2, outcome: 'no_answer', csat: null, note: null, at: null }));
  });

  it('shows how done calls went', async () => {
    const { backend } = followupsBackend();
    renderIn('zh-CN', <FollowupsPage />, backend);

    fireEvent.click(await screen.findByRole('tab', { name: '已完成' }));
    const done = await screen.findByTestId('followups-done');
    const call = await within(done).findByTestId('followup-4');
    expect(within(call).getByText('已接通')).toBeInTheDocument();
    expect(within(call).getByText('Happy with the fix')).toBeInTheDocument();
    expect(call.querySelectorAll('.ant-rate-star-full'), 'four stars of five').toHaveLength(4);
    expect(within(call).queryByTestId('followup-record-4')).not.toBeInTheDocument();
  });

  it('saves the delays and scripts', async () => {
    const { backend, updateFollowupSettings } = followupsBackend();
    renderIn('en', <FollowupsPage />, backend);

    fireEvent.click(screen.getByTestId('followups-settings'));
    const form = await screen.findByTestId('followup-settings-form');
    expect(within(form).getByText(/\{shop\} becomes the shop's name/)).toBeInTheDocument();
    fireEvent.change(within(form).getByRole('spinbutton', { name: 'Call after a repair is returned' }), { target: { value: '24' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Script after a repair/ }), {
      target: { value: ' Hi from {shop}: how is your {item}? ' },
    });
    fireEvent.click(within(form).getByTestId('followup-settings-save'));

    await waitFor(() =>
      expect(updateFollowupSettings).toHaveBeenCalledWith({
        case_delay_hours: 48,
        repair_delay_hours: 24,
        case_script: '',
        repair_script: 'Hi from {shop}: how is your {item}?',
      }),
    );
  });
});
