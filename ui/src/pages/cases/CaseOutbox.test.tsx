import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../backend/Backend';
import type { ActionPreviewDto, CaseActionInput, CaseDetailDto, OutboxEntryDto } from '../../bindings';
import { caseDetail, caseSummary, clock, outboxEntry, sendingPreview } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { CaseDrawer } from './CaseDrawer';

/**
 * An engine in memory holding one synced case: an action is only queued (the case stays), and each later read of
 * the case shows its answer one step further on the platform (`steps`), as the sender and the platform move it.
 */
function syncedBackend(start: CaseDetailDto, preview: ActionPreviewDto, { steps = [] as ((d: CaseDetailDto) => CaseDetailDto)[] } = {}) {
  let detail = start;
  let nextId = 41;
  const actCase = vi.fn(async (input: CaseActionInput): Promise<CaseDetailDto> => {
    detail = {
      ...detail,
      outbox: [...detail.outbox, outboxEntry({ id: nextId++, case_id: detail.case.id, action: input.action, state: 'pending' })],
    };
    return detail;
  });
  const calls = {
    getCase: vi.fn(async () => {
      const step = steps.shift();
      if (step) detail = step(detail);
      return detail;
    }),
    actCase,
    previewAction: vi.fn(async () => preview),
    sendOutbox: vi.fn(async () => ({ accepted: 0, refused: 0, waiting: 1, busy: false })),
    retryOutbox: vi.fn(async ({ id }: { id: number }) => {
      detail = { ...detail, outbox: detail.outbox.map((e) => (e.id === id ? { ...e, state: 'pending' as const, platform_message: null } : e)) };
      return detail.outbox.find((e) => e.id === id)!;
    }),
    compensations: vi.fn(async () => ({ items: [], totals: [] })),
  };
  const backend = new Proxy(calls as unknown as Backend, {
    get: (target, command) =>
      command in target ? target[command as keyof Backend] : () => Promise.reject(new Error(`unexpected ${String(command)}`)),
  });
  return { backend, ...calls };
}

const requested = caseDetail({ case: caseSummary({ platform: 'pdd', currency: 'CNY', requested: '99.00' }) });
const requestedTaobao = caseDetail({ case: caseSummary({ platform: 'taobao', currency: 'CNY', requested: '99.00' }) });

async function choose(label: string, option: string) {
  const select = screen.getByRole('combobox', { name: label }).closest('.ant-select');
  fireEvent.mouseDown(select!.querySelector('.ant-select-selector')!);
  const options = await screen.findAllByText(option, { selector: '.ant-select-item-option-content' });
  fireEvent.click(options.at(-1)!);
}

describe('an action on a synced case', () => {
  it('shows what the platform will do, and sends the platform’s refusal reason, queued, then delivered', async () => {
    const preview = sendingPreview({
      platform: 'taobao',
      op: 'decline',
      call: 'taobao.refund.refuse on request R-7',
      currency: 'CNY',
      needs_reason: true,
      refusal_reasons: [
        { id: '11', text: '商品已发出' },
        { id: '12', text: '买家已签收' },
      ],
      restriction: 'Taobao sends refusals only from approved apps.',
      allowed: false,
      why: 'the app lacks the refund permission',
    });
    const { backend, actCase, previewAction, sendOutbox } = syncedBackend(requestedTaobao, preview);
    renderIn('en', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    fireEvent.click(await screen.findByTestId('case-action-reject'));
    const panel = await screen.findByTestId('action-preview');
    expect(previewAction).toHaveBeenCalledWith({ case_id: 1, action: 'reject' });
    expect(within(panel).getByText('What happens on Taobao')).toBeInTheDocument();
    expect(within(panel).getByText('taobao.refund.refuse on request R-7')).toBeInTheDocument();
    expect(within(panel).getByText('Taobao sends refusals only from approved apps.')).toBeInTheDocument();
    expect(within(panel).getByTestId('preview-not-allowed')).toHaveTextContent("The shop’s credentials may not allow this: the app lacks the refund permission");

    const form = screen.getByTestId('case-action-form');
    fireEvent.click(within(form).getByRole('button', { name: 'Send to Taobao' }));
    expect(await within(form).findByText('Pick one of the platform’s reasons')).toBeInTheDocument();
    expect(actCase).not.toHaveBeenCalled();

    await choose('The platform’s refusal reason', '买家已签收');
    fireEvent.change(within(form).getByLabelText(/Reason for the rejection/), { target: { value: 'Signed for on 11-02' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send to Taobao' }));

    await waitFor(() =>
      expect(actCase).toHaveBeenCalledWith({
        case_id: 1,
        action: 'reject',
        at: null,
        note: 'Signed for on 11-02',
        amount: null,
        tracking: null,
        damaged: null,
        reason: '12',
        no_wait: true,
      }),
    );
    await waitFor(() => expect(sendOutbox, 'the queued entry is delivered at once').toHaveBeenCalledWith({ id: 41 }));
    expect(await screen.findByText('Reject sent to Taobao: case #1 moves when the platform accepts it')).toBeInTheDocument();
    const row = await screen.findByTestId('outbox-row');
    expect(within(row).getByTestId('outbox-state')).toHaveTextContent('Queued');
  });

  it('records an answer already given in the platform’s back office here only, sending nothing', async () => {
    const preview = sendingPreview({
      platform: 'pdd',
      call: 'pdd.refund.returngoods.agree on request R-7',
      currency: 'CNY',
      needs_return_address: true,
      return_address_id: null,
      restriction: null,
    });
    const { backend, actCase, sendOutbox } = syncedBackend(requested, preview);
    renderIn('en', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    fireEvent.click(await screen.findByTestId('case-action-approve'));
    await screen.findByTestId('action-preview');
    expect(screen.getByLabelText('Return address ID'), 'asked while the answer goes to the platform').toBeInTheDocument();
    fireEvent.click(screen.getByTestId('action-already-done'));
    await waitFor(() => expect(screen.queryByLabelText('Return address ID'), 'nothing the platform needs is asked').toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Record here' }));

    await waitFor(() => expect(actCase).toHaveBeenCalledTimes(1));
    expect(actCase.mock.calls[0]![0]).toMatchObject({ action: 'approve', record_only: true });
    expect(actCase.mock.calls[0]![0]).not.toHaveProperty('return_address_id');
    expect(sendOutbox, 'nothing is sent').not.toHaveBeenCalled();
  });

  it('asks for the return address, starting from the last one used, and sends the one given', async () => {
    const preview = sendingPreview({
      platform: 'pdd',
      call: 'pdd.refund.returngoods.agree on request R-7',
      currency: 'CNY',
      needs_return_address: true,
      return_address_id: 'addr-1',
      restriction: null,
    });
    const { backend, actCase } = syncedBackend(requested, preview);
    renderIn('zh-CN', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    fireEvent.click(await screen.findByTestId('case-action-approve'));
    await screen.findByTestId('action-preview');
    expect(screen.getByText('将在拼多多执行')).toBeInTheDocument();
    const address = screen.getByLabelText('退货地址 ID');
    expect(address, 'the last address used').toHaveValue('addr-1');
    fireEvent.change(address, { target: { value: ' addr-9 ' } });
    fireEvent.click(screen.getByRole('button', { name: '发送到拼多多' }));

    await waitFor(() => expect(actCase).toHaveBeenCalledWith(expect.objectContaining({ action: 'approve', return_address_id: 'addr-9', no_wait: true })));
  });

  it('confirms a refund with its amount and currency before money moves, with the amount as edited', async () => {
    const preview = sendingPreview({
      platform: 'woocommerce',
      op: 'refund',
      call: 'POST /orders/{id}/refunds',
      amount: '25.00',
      currency: 'USD',
      money: true,
      gateway_choice: true,
      lines: [{ line_id: 'L1', quantity: 1n, amount_minor: 2500n }],
      restriction: null,
    });
    const received = caseDetail({ case: caseSummary({ platform: 'woocommerce', status: 'received', requested: '25.00' }), actions: ['refund', 'close'] });
    const { backend, actCase, sendOutbox } = syncedBackend(received, preview);
    renderIn('en', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    fireEvent.click(await screen.findByTestId('case-action-refund'));
    const panel = await screen.findByTestId('action-preview');
    expect(within(panel).getByText('25.00 USD')).toBeInTheDocument();
    expect(within(panel).getByTestId('preview-line')).toHaveTextContent('Line L1 × 1 · 25.00 USD');
    const amount = screen.getByLabelText('Refund amount');
    expect(amount, 'starts from what the platform will pay back').toHaveValue('25.00');
    fireEvent.change(amount, { target: { value: '20.00' } });
    fireEvent.click(screen.getByLabelText('Record only (you pay the buyer back yourself)'));
    fireEvent.click(screen.getByRole('button', { name: 'Send to WooCommerce' }));

    const confirm = await screen.findByTestId('money-confirm');
    expect(within(confirm).getByText('Refund 20.00 USD?')).toBeInTheDocument();
    expect(within(confirm).getByText(/record a refund of 20.00 USD on the order/)).toBeInTheDocument();
    expect(actCase, 'nothing is sent before the money is confirmed').not.toHaveBeenCalled();

    // Back to the form keeps what was typed; the second time it is confirmed.
    fireEvent.click(within(confirm).getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(screen.queryByTestId('money-confirm')).not.toBeInTheDocument());
    expect(screen.getByLabelText('Refund amount')).toHaveValue('20.00');
    fireEvent.click(screen.getByRole('button', { name: 'Send to WooCommerce' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Refund 20.00 USD' }));

    await waitFor(() =>
      expect(actCase).toHaveBeenCalledWith({
        case_id: 1,
        action: 'refund',
        at: null,
        note: null,
        amount: '20.00',
        tracking: null,
        damaged: null,
        through_gateway: false,
        no_wait: true,
      }),
    );
    await waitFor(() => expect(sendOutbox).toHaveBeenCalledWith({ id: 41 }));
  });

  it('follows the answer until the platform accepts it: the deadline runs while it is sent, met at the platform’s time', async () => {
    const running = clock({ id: 1, kind: 'merchant_response', outcome: 'running', due: '2099-01-01T00:00:00Z' });
    const start = caseDetail({ case: caseSummary({ platform: 'shopify' }), clocks: [running] });
    const sent = (d: CaseDetailDto): CaseDetailDto => ({
      ...d,
      outbox: d.outbox.map((e) => ({ ...e, state: 'sent' as const, attempts: 1, sent_at: '2026-11-11T09:00:01Z' })),
    });
    const accepted = (d: CaseDetailDto): CaseDetailDto => ({
      ...d,
      case: { ...d.case, status: 'awaiting_return' },
      clocks: [{ ...running, outcome: 'met', stopped_at: '2026-11-11T09:00:05Z' }],
      actions: ['close'],
      outbox: d.outbox.map((e) => ({ ...e, state: 'accepted' as const, accepted_at: '2026-11-11T09:00:05Z', next_try_at: null })),
    });
    // The first read is the drawer's own; then sent (twice), then accepted.
    const steps = [(d: CaseDetailDto) => d, sent, sent, accepted];
    const { backend, getCase } = syncedBackend(start, sendingPreview(), { steps });
    renderIn('en', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    fireEvent.click(await screen.findByTestId('case-action-approve'));
    await screen.findByTestId('action-preview');
    fireEvent.click(screen.getByRole('button', { name: 'Send to Shopify' }));

    const state = () => within(screen.getByTestId('case-outbox')).getByTestId('outbox-state');
    await waitFor(() => expect(state()).toHaveTextContent('Sent, waiting for the platform'), { timeout: 5_000 });
    const clocks = screen.getByTestId('case-clocks');
    expect(within(clocks).getByTestId('countdown-chip'), 'still running while the platform has not answered').toBeInTheDocument();
    expect(within(clocks).getByTestId('clock-awaiting-platform')).toHaveTextContent('met only once the platform accepts it');
    expect(within(clocks).queryByText('Met ✓')).not.toBeInTheDocument();

    await waitFor(() => expect(state()).toHaveTextContent(/^Accepted at /), { timeout: 8_000 });
    expect(state()).toHaveTextContent('2026');
    expect(within(screen.getByTestId('case-clocks')).getByText('Met ✓')).toBeInTheDocument();
    expect(within(screen.getByTestId('case-clocks')).queryByTestId('clock-awaiting-platform')).not.toBeInTheDocument();

    // Settled: the case is no longer read again.
    const reads = getCase.mock.calls.length;
    await new Promise((done) => setTimeout(done, 3_200));
    expect(getCase.mock.calls.length).toBe(reads);
  }, 30_000);
});

describe('On the platform', () => {
  const entries: OutboxEntryDto[] = [
    outboxEntry({ id: 1, action: 'approve', what: 'approve', state: 'accepted', accepted_at: '2026-11-10T10:00:00Z', contradiction: 'the platform shows the return declined' }),
    outboxEntry({
      id: 2,
      action: 'refund',
      op: 'refund',
      what: 'refund, 25.00 USD, 1 line(s)',
      state: 'refused',
      platform_message: 'Refund amount exceeds the refundable amount',
      needs_attention: true,
    }),
    outboxEntry({
      id: 3,
      action: 'close',
      op: 'close',
      what: 'close',
      state: 'sent',
      attempts: 2,
      last_error: 'HTTP 401 Unauthorized',
      error_code: 'credentials',
      next_try_at: '2026-11-11T10:00:00Z',
      needs_attention: true,
    }),
    outboxEntry({ id: 4, action: 'close', op: 'close', what: 'close', state: 'pending', attempts: 1, last_error: 'throttled (429)', error_code: 'transient' }),
  ];

  it('shows each answer’s state there, the platform’s refusal with Retry, why one waits, and what a sync said against one', async () => {
    const { backend, retryOutbox, sendOutbox } = syncedBackend(caseDetail({ outbox: entries, clocks: [clock()] }), sendingPreview());
    renderIn('en', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    const section = await screen.findByTestId('case-outbox');
    expect(within(section).getByText('On the platform')).toBeInTheDocument();
    const [accepted, refused, credentials, throttled] = within(section).getAllByTestId('outbox-row');
    expect(within(accepted!).getByTestId('outbox-state')).toHaveTextContent(/^Accepted at .*2026/);
    expect(within(accepted!).getByTestId('outbox-contradiction')).toHaveTextContent('A later sync disagrees with this answer: the platform shows the return declined');
    expect(within(refused!).getByTestId('outbox-state')).toHaveTextContent('Refused: Refund amount exceeds the refundable amount');
    expect(within(refused!).getByText('refund, 25.00 USD, 1 line(s)')).toBeInTheDocument();
    expect(within(credentials!).getByTestId('outbox-state')).toHaveTextContent('Sent, waiting for the platform');
    expect(within(credentials!).getByTestId('outbox-waiting')).toHaveTextContent('reconnect the shop under Shops → Edit');
    expect(within(credentials!).getByTestId('outbox-waiting')).toHaveTextContent(/Next try .*2026.* · 2 attempts/);
    expect(within(throttled!).getByTestId('outbox-state')).toHaveTextContent('Queued');
    expect(within(throttled!).getByTestId('outbox-waiting')).toHaveTextContent('Not through yet: throttled (429)');
    expect(within(section).getAllByTestId('outbox-retry'), 'only a refused answer is retried by hand').toHaveLength(1);
    expect(within(screen.getByTestId('case-clocks')).getByTestId('clock-awaiting-platform')).toBeInTheDocument();

    fireEvent.click(within(refused!).getByTestId('outbox-retry'));
    await waitFor(() => expect(retryOutbox).toHaveBeenCalledWith({ id: 2 }));
    await waitFor(() => expect(sendOutbox, 'then sent at once').toHaveBeenCalledWith({ id: 2 }));
    expect(await screen.findByText('Sent again to the platform')).toBeInTheDocument();
  });

  it('names the states in Chinese', async () => {
    const { backend } = syncedBackend(caseDetail({ outbox: entries.slice(1, 2) }), sendingPreview());
    renderIn('zh-CN', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    const section = await screen.findByTestId('case-outbox');
    expect(within(section).getByText('平台处理')).toBeInTheDocument();
    expect(within(section).getByTestId('outbox-state')).toHaveTextContent('平台拒绝：Refund amount exceeds the refundable amount');
    expect(within(section).getByRole('button', { name: /重试/ })).toBeInTheDocument();
  });

  it('is not shown on a case that never sent anything', async () => {
    const { backend } = syncedBackend(caseDetail(), sendingPreview());
    renderIn('en', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);
    await screen.findByTestId('case-actions');
    expect(screen.queryByTestId('case-outbox')).not.toBeInTheDocument();
    expect(screen.queryByTestId('clock-awaiting-platform')).not.toBeInTheDocument();
  });
});
