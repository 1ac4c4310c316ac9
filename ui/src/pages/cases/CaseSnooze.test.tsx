import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ApiError, CaseStatus, SnoozeInput } from '../../bindings';
import { caseDetail, caseSummary, reasons } from '../../test/fixtures';
import { fakeBackend } from '../../test/repairFixtures';
import { renderIn } from '../../test/render';
import { CaseDrawer } from './CaseDrawer';

function snoozeBackend(status: CaseStatus = 'awaiting_return', { failWith }: { failWith?: ApiError } = {}) {
  const detail = caseDetail({ case: caseSummary({ id: 7, order_number: '#1007', status }) });
  const calls = {
    getCase: vi.fn(async () => detail),
    listReasons: vi.fn(async () => reasons()),
    compensations: vi.fn(async () => ({ items: [], totals: [] })),
    snoozeCase: vi.fn(async (_input: SnoozeInput): Promise<null> => (failWith ? Promise.reject(failWith) : null)),
  };
  return { backend: fakeBackend(calls), ...calls };
}

describe('Snoozing a case’s reminders', () => {
  it('holds an open case’s reminders for 1 h or 4 h and says breaches still come', async () => {
    const { backend, snoozeCase } = snoozeBackend();
    renderIn('en', <CaseDrawer caseId={7} open onClose={() => undefined} />, backend);

    const snooze = within(await screen.findByTestId('case-snooze'));
    expect(snooze.getByText('Snooze reminders')).toBeInTheDocument();
    fireEvent.click(snooze.getByTestId('case-snooze-1'));
    await waitFor(() => expect(snoozeCase).toHaveBeenCalledWith({ case_id: 7, hours: 1 }));
    expect(await screen.findByText('Reminders for this case snoozed for 1 h; breaches still come')).toBeInTheDocument();

    expect(snooze.getByTestId('case-snooze-4')).toHaveTextContent('4 h');
    fireEvent.click(snooze.getByTestId('case-snooze-4'));
    await waitFor(() => expect(snoozeCase).toHaveBeenLastCalledWith({ case_id: 7, hours: 4 }));
    expect(await screen.findByText('Reminders for this case snoozed for 4 h; breaches still come')).toBeInTheDocument();
    expect(snoozeCase).toHaveBeenCalledTimes(2);
  });

  it('says so in Chinese', async () => {
    const { backend, snoozeCase } = snoozeBackend('platform_intervention');
    renderIn('zh-CN', <CaseDrawer caseId={7} open onClose={() => undefined} />, backend);

    const snooze = within(await screen.findByTestId('case-snooze'));
    expect(snooze.getByText('暂停提醒')).toBeInTheDocument();
    fireEvent.click(snooze.getByText('4 小时'));
    await waitFor(() => expect(snoozeCase).toHaveBeenCalledWith({ case_id: 7, hours: 4 }));
    expect(await screen.findByText('已暂停此售后单的提醒 4 小时；超时提醒仍会照常发出')).toBeInTheDocument();
  });

  it.each<CaseStatus>(['refunded', 'closed', 'cancelled', 'exchanged'])('is not offered for a %s case', async (status) => {
    const { backend } = snoozeBackend(status);
    renderIn('en', <CaseDrawer caseId={7} open onClose={() => undefined} />, backend);

    expect(await screen.findByText('Case #7 · Order #1007')).toBeInTheDocument();
    await screen.findByTestId('case-actions');
    expect(screen.queryByTestId('case-snooze')).toBeNull();
    expect(screen.queryByTestId('case-snooze-1')).toBeNull();
  });

  it('shows why the engine refused', async () => {
    const { backend } = snoozeBackend('requested', { failWith: { code: 'not_found', message: 'case 7' } });
    renderIn('en', <CaseDrawer caseId={7} open onClose={() => undefined} />, backend);

    fireEvent.click(await screen.findByTestId('case-snooze-1'));
    expect(await screen.findByText('Not found')).toBeInTheDocument();
    expect(screen.getByText('case 7')).toBeInTheDocument();
    expect(screen.queryByText(/snoozed for/)).toBeNull();
  });
});
