import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../backend/Backend';
import type {
  AddEvidenceInput,
  ApiError,
  CaseAction,
  CaseActionInput,
  CaseDetailDto,
  CaseStatus,
  CompensationDto,
  CompensationInput,
  ExportEvidenceInput,
  SavePathInput,
} from '../../bindings';
import { caseDetail, caseEvent, caseSummary, clock, handKeptPreview, rule } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { CaseDrawer } from './CaseDrawer';

const NEXT: Partial<Record<CaseAction, CaseStatus>> = {
  approve: 'awaiting_return',
  reject: 'rejected',
  received: 'received',
  refund: 'refunded',
  close: 'closed',
};

/**
 * An engine in memory holding one case: actions move it on and append to its timeline, like the real one, and so
 * does a compensation added to it.
 */
function caseBackend(
  start: CaseDetailDto,
  {
    failWith,
    compensations = [],
    savePath = '/home/me/Desktop/case-1-evidence.zip',
  }: { failWith?: ApiError; compensations?: CompensationDto[]; savePath?: string | null } = {},
) {
  let detail = start;
  let entries = compensations;
  const actCase = vi.fn(async (input: CaseActionInput): Promise<CaseDetailDto> => {
    if (failWith) return Promise.reject(failWith);
    const from = detail.case.status;
    const to = NEXT[input.action] ?? from;
    detail = {
      ...detail,
      case: { ...detail.case, status: to },
      events: [...detail.events, caseEvent({ at: '2026-11-11T09:00:00Z', actor: 'merchant', kind: input.action, from_status: from, to_status: to, note: input.note })],
      actions: to === 'closed' ? [] : ['close'],
    };
    return detail;
  });
  const addEvidence = vi.fn(async (input: AddEvidenceInput): Promise<CaseDetailDto> => {
    detail = {
      ...detail,
      evidence: [
        ...detail.evidence,
        { id: detail.evidence.length + 1, file_name: input.file_name, mime: input.mime, size: atob(input.content_base64).length, sha256: 'ab', note: null, added_at: '2026-11-11T10:00:00Z' },
      ],
    };
    return detail;
  });
  const addCompensation = vi.fn(async (input: CompensationInput): Promise<CompensationDto> => {
    const currency = input.currency ?? detail.case.currency;
    const added: CompensationDto = { ...input, id: entries.length + 1, shop: detail.case.shop, currency, at: '2026-11-11T11:00:00Z' };
    entries = [added, ...entries];
    detail = {
      ...detail,
      events: [
        ...detail.events,
        caseEvent({ at: added.at, actor: 'merchant', kind: 'compensation', from_status: null, to_status: null, note: `${input.kind} ${input.amount} ${currency} (${input.carrier}): ${input.reason}` }),
      ],
    };
    return added;
  });
  const calls = {
    getCase: vi.fn(async ({ id }: { id: number }) =>
      id === detail.case.id ? detail : Promise.reject<CaseDetailDto>({ code: 'not_found', message: `case ${id}` }),
    ),
    actCase,
    addEvidence,
    chooseSavePath: vi.fn(async (_: SavePathInput) => savePath),
    exportEvidence: vi.fn(async (input: ExportEvidenceInput) => ({ path: input.out ?? '/exports/default.zip', files: 2 })),
    // Only this case's entries are asked for; the totals are not shown in the drawer.
    compensations: vi.fn(async () => ({ items: entries, totals: [] })),
    addCompensation,
    // A shop kept by hand: the desk's action is the truth, nothing goes to a platform.
    previewAction: vi.fn(async () => handKeptPreview()),
  };
  const backend = new Proxy(calls as unknown as Backend, {
    get: (target, command) =>
      command in target ? target[command as keyof Backend] : () => Promise.reject(new Error(`unexpected ${String(command)}`)),
  });
  return { backend, ...calls };
}

/** A return with every kind of deadline: running, breached, met, cancelled, paused; from rules and from the platform. */
const returnCase = caseDetail({
  clocks: [
    clock({ id: 1, kind: 'merchant_response', outcome: 'met', stopped_at: '2026-11-10T10:00:00Z' }),
    clock({
      id: 2,
      kind: 'buyer_ship_back',
      outcome: 'breached',
      consequence: 'auto_close',
      source: 'platform_field',
      rule: null,
    }),
    clock({
      id: 3,
      kind: 'escalation_window',
      outcome: 'cancelled',
      consequence: 'escalation_lost',
      rule: rule({ id: 'wechat_shop.escalation_window', source: '微信小店 售后规则: 7 天内可申请平台介入', as_of: '2026-06-30', confidence: 'unverified' }),
    }),
    clock({
      id: 4,
      kind: 'first_response',
      calendar: 'business',
      paused: true,
      consequence: 'none',
      rule: rule({ id: 'own.first_response', source: 'Your service target: first answer within 4 business hours', confidence: 'secondary' }),
    }),
    clock({ id: 5, kind: 'merchant_confirm_receipt', due: '2099-01-01T00:00:00Z' }),
  ],
  events: [
    caseEvent(),
    caseEvent({ at: '2026-11-10T10:00:00Z', actor: 'merchant', kind: 'approve', from_status: 'requested', to_status: 'awaiting_return', note: null }),
    caseEvent({ at: '2026-11-17T10:00:00Z', actor: 'system', kind: 'clock_breached', from_status: null, to_status: null, note: 'buyer_ship_back ran out (auto_close)' }),
  ],
});

function rows(testId: string): HTMLElement[] {
  return within(screen.getByTestId(testId)).getAllByRole('row').slice(1);
}

describe('CaseDrawer', () => {
  it('shows every clock with its outcome, source, rule and confidence, and the timeline, in English', async () => {
    const { backend } = caseBackend(returnCase);
    renderIn('en', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    expect(await screen.findByText('Case #1 · Order #1001')).toBeInTheDocument();
    expect(screen.getByTestId('case-drawer')).toBeInTheDocument();

    const clocks = rows('case-clocks');
    expect(clocks, 'all clocks, not only the nearest').toHaveLength(5);
    const [met, breached, cancelled, paused, running] = clocks.map((row) => within(row));
    expect(met!.getByText('Answer the request')).toBeInTheDocument();
    expect(met!.getByText('Met ✓')).toHaveClass('ant-tag-green');
    expect(met!.getByText('platform refunds the buyer')).toBeInTheDocument();
    expect(met!.getByText('Calendar time')).toBeInTheDocument();
    expect(met!.getByText('Rule')).toBeInTheDocument();

    expect(breached!.getByText('Breached')).toHaveClass('ant-tag-red');
    expect(breached!.getByText('request closes')).toBeInTheDocument();
    expect(breached!.getAllByText("Platform's own deadline"), 'set by the platform, no rule behind it').toHaveLength(2);

    expect(cancelled!.getByText('Cancelled')).toBeInTheDocument();
    expect(cancelled!.getByText('buyer can no longer escalate')).toBeInTheDocument();

    expect(paused!.getByText('First response')).toBeInTheDocument();
    expect(paused!.getByText('Business hours')).toBeInTheDocument();
    expect(paused!.getByTestId('countdown-chip')).toHaveTextContent('Paused');

    expect(running!.getByText('Confirm receipt')).toBeInTheDocument();
    expect(running!.getByTestId('countdown-chip'), 'far ahead: green').toHaveClass('ant-tag-green');

    const sources = screen.getAllByTestId('clock-rule-source');
    expect(sources).toHaveLength(5);
    expect(sources[0]).toHaveTextContent(rule().source);
    expect(sources[0]).toHaveTextContent('as of Nov 1, 2026');
    expect(within(sources[0]!).getByText('Official')).toHaveClass('ant-tag-green');
    expect(sources[1]).toHaveTextContent("Platform's own deadline");
    expect(sources[2]).toHaveTextContent('微信小店 售后规则: 7 天内可申请平台介入');
    expect(sources[2]).toHaveTextContent('as of Jun 30, 2026');
    expect(within(sources[2]!).getByText('Unverified')).toHaveClass('ant-tag-red');
    expect(within(sources[3]!).getByText('Secondary')).toHaveClass('ant-tag-gold');

    const timeline = screen.getByTestId('case-timeline');
    const events = within(timeline).getAllByTestId('case-event');
    expect(events, 'oldest first').toHaveLength(3);
    expect(events[0]).toHaveTextContent('Opened');
    expect(events[0]).toHaveTextContent('Buyer');
    expect(events[0]).toHaveTextContent('Wrong size');
    expect(events[1]).toHaveTextContent('Approved');
    expect(events[1]).toHaveTextContent('Merchant');
    expect(within(events[1]!).getByText('Requested')).toBeInTheDocument();
    expect(within(events[1]!).getByText('Awaiting return')).toBeInTheDocument();
    expect(events[2]).toHaveTextContent('Deadline missed');
    expect(events[2]).toHaveTextContent('System');
    expect(events[2]).toHaveTextContent('buyer_ship_back ran out (auto_close)');
  });

  it('shows the summary, clocks and timeline in Chinese', async () => {
    const { backend } = caseBackend(returnCase);
    renderIn('zh-CN', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    expect(await screen.findByText('售后单 #1 · 订单 #1001')).toBeInTheDocument();
    const summary = screen.getByTestId('case-summary');
    expect(within(summary).getByText('退货退款')).toBeInTheDocument();
    expect(within(summary).getByText('待处理')).toBeInTheDocument();
    expect(within(summary).getByText('WAIT_SELLER_AGREE'), 'the raw platform status verbatim').toBeInTheDocument();
    expect(within(summary).getAllByText('US$25.00'), 'requested and at stake').toHaveLength(2);

    const sources = screen.getAllByTestId('clock-rule-source');
    expect(sources[0]).toHaveTextContent('截至 2026年11月1日');
    expect(within(sources[0]!).getByText('官方')).toBeInTheDocument();
    expect(sources[1]).toHaveTextContent('平台给定的期限');
    expect(within(sources[2]!).getByText('未核实')).toBeInTheDocument();
    expect(within(rows('case-clocks')[0]!).getByText('处理申请')).toBeInTheDocument();
    expect(within(rows('case-clocks')[1]!).getByText('售后自动关闭')).toBeInTheDocument();

    const events = within(screen.getByTestId('case-timeline')).getAllByTestId('case-event');
    expect(events[0]).toHaveTextContent('发起售后');
    expect(events[0]).toHaveTextContent('买家');
    expect(events[2]).toHaveTextContent('超时');
    expect(events[2]).toHaveTextContent('系统');

    const actions = within(screen.getByTestId('case-actions')).getAllByRole('button');
    expect(actions.map((button) => button.textContent), 'the engine order, translated').toEqual(['同意', '拒绝', '关闭', '买家撤销', '平台介入']);
  });

  it('asks for the reason before a rejection, sends it with act_case and shows the case as the engine answers', async () => {
    const { backend, actCase } = caseBackend(caseDetail());
    renderIn('en', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    fireEvent.click(await screen.findByTestId('case-action-reject'));
    const form = await screen.findByTestId('case-action-form');
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm' }));

    expect(await within(form).findByText('Enter the reason; the buyer and the platform see it')).toBeInTheDocument();
    expect(actCase, 'no rejection without a reason').not.toHaveBeenCalled();

    fireEvent.change(within(form).getByLabelText('Reason for the rejection'), { target: { value: '  Item was used  ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm' }));

    await waitFor(() =>
      expect(actCase).toHaveBeenCalledWith({
        case_id: 1,
        action: 'reject',
        at: null,
        note: 'Item was used',
        amount: null,
        tracking: null,
        damaged: null,
      }),
    );
    expect(await screen.findByText('Reject: case #1 updated')).toBeInTheDocument();
    const summary = screen.getByTestId('case-summary');
    await waitFor(() => expect(within(summary).getByText('Rejected'), 'the drawer shows the answer').toBeInTheDocument());
    const events = within(screen.getByTestId('case-timeline')).getAllByTestId('case-event');
    expect(events.at(-1)).toHaveTextContent('Item was used');
  });

  it('prefills a refund with the amount asked and sends it', async () => {
    const { backend, actCase } = caseBackend(
      caseDetail({ case: caseSummary({ status: 'received', requested: '25.00' }), actions: ['refund', 'reject', 'close'] }),
    );
    renderIn('en', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    fireEvent.click(await screen.findByTestId('case-action-refund'));
    const form = await screen.findByTestId('case-action-form');
    expect(within(form).getByLabelText('Refund amount'), 'starts from the amount asked').toHaveValue('25.00');
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm' }));

    await waitFor(() =>
      expect(actCase).toHaveBeenCalledWith({ case_id: 1, action: 'refund', at: null, note: null, amount: '25.00', tracking: null, damaged: null }),
    );
  });

  it('refuses a refund amount that is not a positive decimal', async () => {
    const { backend, actCase } = caseBackend(caseDetail({ case: caseSummary({ status: 'received' }), actions: ['refund'] }));
    renderIn('zh-CN', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    fireEvent.click(await screen.findByTestId('case-action-refund'));
    const form = await screen.findByTestId('case-action-form');
    fireEvent.change(within(form).getByLabelText('退款金额'), { target: { value: '0' } });
    fireEvent.click(within(form).getByRole('button', { name: '确 认' }));

    expect(await within(form).findByText('请输入金额，例如 12.50')).toBeInTheDocument();
    expect(actCase).not.toHaveBeenCalled();
  });

  it.each<[CaseAction, string, string, Partial<CaseActionInput>]>([
    ['received', 'Damaged items', '1', { damaged: 1 }],
    ['buyer_shipped', 'Return tracking number', ' SF1234567 ', { tracking: 'SF1234567' }],
  ])('sends %s with its field (%s)', async (action, label, value, fields) => {
    const { backend, actCase } = caseBackend(caseDetail({ case: caseSummary({ status: 'awaiting_return' }), actions: [action] }));
    renderIn('en', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    fireEvent.click(await screen.findByTestId(`case-action-${action}`));
    const form = await screen.findByTestId('case-action-form');
    fireEvent.change(within(form).getByLabelText(new RegExp(label)), { target: { value } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm' }));

    await waitFor(() =>
      expect(actCase).toHaveBeenCalledWith({ case_id: 1, action, at: null, note: null, amount: null, tracking: null, damaged: null, ...fields }),
    );
  });

  it('sends no damage when the count is left at 0', async () => {
    const { backend, actCase } = caseBackend(caseDetail({ case: caseSummary({ status: 'returned_in_transit' }), actions: ['received'] }));
    renderIn('en', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    fireEvent.click(await screen.findByTestId('case-action-received'));
    const form = await screen.findByTestId('case-action-form');
    expect(within(form).getByLabelText(/Damaged items/)).toHaveValue('0');
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm' }));

    await waitFor(() => expect(actCase).toHaveBeenCalledWith(expect.objectContaining({ action: 'received', damaged: 0 })));
  });

  it('shows an engine error in the form by its code, with the message as detail', async () => {
    const { backend } = caseBackend(caseDetail(), { failWith: { code: 'validation', message: 'a return_refund case that is requested does not allow the action approve' } });
    renderIn('en', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    fireEvent.click(await screen.findByTestId('case-action-approve'));
    const form = await screen.findByTestId('case-action-form');
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm' }));

    expect(await within(form).findByText('Please check the input')).toBeInTheDocument();
    expect(within(form).getByText('a return_refund case that is requested does not allow the action approve')).toBeInTheDocument();
  });

  it('adds a dropped file as base64 evidence and exports the ZIP where the merchant chose, showing where it was written', async () => {
    const { backend, addEvidence, chooseSavePath, exportEvidence } = caseBackend(caseDetail());
    renderIn('en', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    const dropzone = await screen.findByTestId('evidence-dropzone');
    const input = dropzone.querySelector<HTMLInputElement>('input[type="file"]');
    if (input === null) throw new Error('the drop zone has no file input');
    const file = new File(['hello'], 'photo.png', { type: 'image/png' });
    fireEvent.change(input, { target: { files: [file] } });

    await waitFor(() =>
      expect(addEvidence).toHaveBeenCalledWith({ case_id: 1, file_name: 'photo.png', mime: 'image/png', content_base64: 'aGVsbG8=', note: null }),
    );
    const list = screen.getByTestId('evidence-list');
    expect(await within(list).findByText('photo.png')).toBeInTheDocument();
    expect(within(list).getByText('5 byte')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('evidence-export'));

    expect(await screen.findByTestId('evidence-export-path')).toHaveTextContent('/home/me/Desktop/case-1-evidence.zip');
    expect(screen.getByText('Evidence ZIP saved with 2 files')).toBeInTheDocument();
    expect(chooseSavePath).toHaveBeenCalledWith({ default_name: 'case-1-evidence.zip', extension: 'zip' });
    expect(exportEvidence).toHaveBeenCalledWith({ id: 1, out: '/home/me/Desktop/case-1-evidence.zip' });
  });

  it('writes no ZIP when the save dialog is cancelled', async () => {
    const { backend, chooseSavePath, exportEvidence } = caseBackend(caseDetail({ case: caseSummary({ id: 7 }) }), { savePath: null });
    renderIn('en', <CaseDrawer caseId={7} open onClose={() => undefined} />, backend);

    fireEvent.click(await screen.findByTestId('evidence-export'));

    await waitFor(() => expect(chooseSavePath).toHaveBeenCalledWith({ default_name: 'case-7-evidence.zip', extension: 'zip' }));
    await waitFor(() => expect(screen.getByTestId('evidence-export')).not.toHaveClass('ant-btn-loading'));
    expect(exportEvidence).not.toHaveBeenCalled();
    expect(screen.queryByTestId('evidence-export-path')).not.toBeInTheDocument();
  });

  it('shows why the ZIP was not written (a folder that is gone)', async () => {
    const { backend, exportEvidence } = caseBackend(caseDetail(), { savePath: '/gone/case-1-evidence.zip' });
    exportEvidence.mockRejectedValueOnce({ code: 'validation', message: 'out: the folder /gone does not exist' });
    renderIn('en', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    fireEvent.click(await screen.findByTestId('evidence-export'));

    expect(await screen.findByText('out: the folder /gone does not exist')).toBeInTheDocument();
    expect(screen.queryByTestId('evidence-export-path')).not.toBeInTheDocument();
  });

  it("lists the case's compensation and adds one with the case's shop and number, then shows it in the timeline", async () => {
    const earlier: CompensationDto = {
      id: 1,
      shop_id: 1,
      shop: 'Demo shop',
      case_id: 1,
      kind: 'coupon',
      amount: '5.00',
      currency: 'USD',
      carrier: 'merchant',
      reason: 'Slow answer',
      at: '2026-11-10T12:00:00Z',
      note: null,
    };
    const { backend, compensations, addCompensation, getCase } = caseBackend(caseDetail(), { compensations: [earlier] });
    renderIn('en', <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);

    const section = await screen.findByTestId('case-compensation');
    await waitFor(() => expect(within(section).getAllByTestId('compensation-row')).toHaveLength(1));
    expect(compensations).toHaveBeenCalledWith({ case_id: 1, from: null, to: null });
    expect(within(section).getByText('Coupon')).toBeInTheDocument();
    expect(section).toHaveTextContent('$5.00');
    expect(section).toHaveTextContent('Slow answer');

    fireEvent.click(within(section).getByTestId('case-compensation-add'));
    const form = await screen.findByTestId('compensation-form');
    expect(screen.getByText('Add compensation to case #1')).toBeInTheDocument();
    expect(form).toHaveTextContent('Demo shop');
    expect(within(form).queryByRole('combobox'), 'the shop is the case\'s, not chosen').not.toBeInTheDocument();
    expect(within(form).getByLabelText(/Currency/), "empty means the case's currency").toHaveAttribute('placeholder', 'USD');
    fireEvent.change(within(form).getByLabelText(/Amount/), { target: { value: '12.50' } });
    fireEvent.click(within(form).getByLabelText('Platform'));
    fireEvent.change(within(form).getByLabelText(/Reason/), { target: { value: 'Platform covers the damage' } });
    const caseReads = getCase.mock.calls.length;
    fireEvent.click(screen.getByTestId('compensation-submit'));

    await waitFor(
      () =>
        expect(addCompensation).toHaveBeenCalledWith({
          shop_id: 1,
          case_id: 1,
          kind: 'refund',
          amount: '12.50',
          currency: null,
          carrier: 'platform',
          reason: 'Platform covers the damage',
          at: null,
          note: null,
        }),
      { timeout: 5000 },
    );
    await waitFor(() => expect(getCase.mock.calls.length, 'the case is read again for its new event').toBeGreaterThan(caseReads));
    const events = await waitFor(() => {
      const shown = within(screen.getByTestId('case-timeline')).getAllByTestId('case-event');
      expect(shown).toHaveLength(2);
      return shown;
    });
    expect(events[1]).toHaveTextContent('Compensation');
    expect(events[1]).toHaveTextContent('refund 12.50 USD (platform): Platform covers the damage');
    await waitFor(() => expect(within(section).getAllByTestId('compensation-row')).toHaveLength(2));
    expect(within(section).getAllByTestId('compensation-row')[0]).toHaveTextContent('Platform covers the damage');
  });

  const refunded = caseDetail({
    refunds: [
      {
        source: 'case',
        amount: '29.90',
        currency: 'CNY',
        at: '2026-11-10T02:00:00Z',
        platform_refund_id: '9500000000101',
        matched: true,
        matched_amount: '29.90',
        matched_at: '2026-11-11T02:00:00Z',
        expected: false,
        counted: false,
      },
      {
        source: 'auto_refund',
        amount: '10.00',
        currency: 'CNY',
        at: '2026-11-12T02:00:00Z',
        platform_refund_id: null,
        matched: false,
        matched_amount: null,
        matched_at: null,
        expected: true,
        counted: false,
      },
    ],
  });

  it.each([
    ['en', 'Recorded here', 'Matched to platform refund 9500000000101 (29.90 CNY,', 'Platform auto-refund', 'Expected from the platform'],
    ['zh-CN', '本地记录', '已与平台退款 9500000000101（29.90 CNY，', '平台自动退款', '预计平台将自动退款'],
  ] as const)('shows the case refunds in the order ledger, what each was matched to, in %s', async (lang, source, matched, auto, expected) => {
    const { backend } = caseBackend(refunded);
    renderIn(lang, <CaseDrawer caseId={1} open onClose={() => undefined} />, backend);
    const section = await screen.findByTestId('case-refunds');
    const items = within(section).getAllByTestId('case-refund');
    expect(items, 'one row per refund of the case').toHaveLength(2);
    expect(items[0]).toHaveTextContent(source);
    expect(items[0]).toHaveTextContent('29.90 CNY');
    expect(items[0], 'the match is shown with the platform refund id, amount and time').toHaveTextContent(matched);
    expect(items[1]).toHaveTextContent(auto);
    expect(items[1], 'an expected auto-refund is not money yet').toHaveTextContent(expected);
  });
});
