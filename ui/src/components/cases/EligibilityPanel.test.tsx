import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { OrderLineDto } from '../../bindings';
import { renderIn } from '../../test/render';
import { EligibilityPanel, type LineEligibility } from './EligibilityPanel';

const mug: OrderLineDto = { external_id: 'L1', sku: 'MUG-01', title: 'Enamel mug', quantity: 2, price: '649.50' };
const cake: OrderLineDto = { external_id: 'L2', sku: 'CAKE-9', title: 'Birthday cake', quantity: 1, price: '88.00' };
const scarf: OrderLineDto = { external_id: 'L3', sku: null, title: 'Custom scarf', quantity: 1, price: '120.00' };

const LAW = '《网络购买商品七日无理由退货暂行办法》第六、七条; 《消费者权益保护法》第二十五条';

const lines: LineEligibility[] = [
  { line: mug, data: { eligible: true, reasons: [], window_ends_at: '2026-11-18T15:59:59Z', notes: [] }, error: null },
  {
    line: cake,
    data: {
      eligible: false,
      reasons: [
        { code: 'window_over', message: 'the 7-day return window, counted from the day after delivery, ended 2026-11-08T15:59:59Z', source: LAW },
        { code: 'goods_class', message: 'no-reason returns exclude goods fresh or perishable (鲜活易腐); a quality problem can still be claimed', source: LAW },
        { code: 'resale_ban', message: 'a rule a newer engine knows', source: 'platform rule' },
      ],
      window_ends_at: '2026-11-08T15:59:59Z',
      notes: [],
    },
    error: null,
  },
  { line: scarf, data: undefined, error: { code: 'not_found', message: 'order 7 is gone' } },
];

describe('EligibilityPanel', () => {
  it('says yes or no per line, with every reason headlined by its code, the engine message and the source, in English', () => {
    renderIn('en', <EligibilityPanel caseType="return_refund" onCaseTypeChange={() => undefined} lines={lines} />);

    const panel = screen.getByTestId('eligibility-panel');
    const [first, second, third] = within(panel).getAllByTestId('eligibility-line');
    expect(within(first!).getByTestId('eligibility-verdict')).toHaveTextContent('Eligible');
    expect(first).toHaveTextContent('Return window ends Nov 18, 2026');

    expect(within(second!).getByTestId('eligibility-verdict')).toHaveTextContent('Not eligible');
    const reasons = within(second!).getAllByTestId('eligibility-reason');
    expect(reasons, 'every reason, not only the first').toHaveLength(3);
    expect(reasons[0]).toHaveTextContent('The return window is over');
    expect(reasons[0]).toHaveTextContent('the 7-day return window, counted from the day after delivery, ended 2026-11-08T15:59:59Z');
    expect(reasons[0]).toHaveTextContent(`Source: ${LAW}`);
    expect(reasons[1]).toHaveTextContent('These goods are excluded from no-reason returns');
    expect(reasons[1]).toHaveTextContent('鲜活易腐');
    expect(reasons[2], 'a code this UI does not know yet still shows').toHaveTextContent('Not allowed (resale_ban)');
    expect(reasons[2]).toHaveTextContent('a rule a newer engine knows');

    expect(within(third!).getByText('Not found'), 'an error by its code').toBeInTheDocument();
    expect(within(third!).getByText('order 7 is gone')).toBeInTheDocument();
  });

  it.each([
    ['not_shipped', '订单未发货：只能申请仅退款'],
    ['window_over', '已超过退货期限'],
    ['goods_class', '该商品不适用七天无理由退货'],
    ['order_cancelled', '订单已取消'],
    ['fully_refunded', '已全额退款'],
    ['already_open', '该商品已有进行中的售后'],
    ['attempt_cap', '该商品售后申请次数已达上限'],
    ['self_pickup', '自提订单：请在门店现场退换'],
  ])('headlines %s in Chinese as %s', (code, headline) => {
    renderIn(
      'zh-CN',
      <EligibilityPanel
        caseType="refund_only"
        onCaseTypeChange={() => undefined}
        lines={[{ line: mug, data: { eligible: false, reasons: [{ code, message: 'engine words', source: 'platform rule' }], window_ends_at: null, notes: [] }, error: null }]}
      />,
    );
    const reason = screen.getByTestId('eligibility-reason');
    expect(reason).toHaveTextContent(headline);
    expect(reason).toHaveTextContent('engine words');
    expect(reason).toHaveTextContent('依据：platform rule');
    expect(screen.getByTestId('eligibility-verdict')).toHaveTextContent('不可申请');
  });

  it.each([
    ['en', 'The return window has not started', 'Automatic receipt confirmation', 'Unverified'],
    ['zh-CN', '退货期限尚未开始', '自动确认收货', '未核实'],
  ] as const)('in %s, says the window has not started before sign-for, with the platform’s own date and how sure it is', (lang, notStarted, autoConfirm, unverified) => {
    renderIn(
      lang,
      <EligibilityPanel
        caseType="return_refund"
        onCaseTypeChange={() => undefined}
        lines={[
          {
            line: mug,
            data: {
              eligible: true,
              reasons: [],
              window_ends_at: null,
              auto_confirm_at: '2026-11-16T02:00:00Z',
              notes: [
                { code: 'window_not_started', message: 'not signed for yet', source: LAW, confidence: 'official' },
                { code: 'auto_confirm', message: 'the platform confirms on its own', source: '拼多多《售后服务规则》', confidence: 'unverified' },
                { code: 'partly_refunded', message: '649.50 of 1299.00 CNY is already refunded', source: 'refunds', },
              ],
              left: { amount: '649.50', quantity: 1 },
            },
            error: null,
          },
        ]}
      />,
    );
    expect(screen.getByTestId('eligibility-verdict'), 'a note is not a refusal').toHaveAttribute('data-eligible', 'true');
    const notes = screen.getAllByTestId('eligibility-note');
    expect(notes.map((n) => n.getAttribute('data-code'))).toEqual(['window_not_started', 'auto_confirm', 'partly_refunded']);
    expect(notes[0]).toHaveTextContent(notStarted);
    expect(notes[1]).toHaveTextContent(autoConfirm);
    expect(notes[1]).toHaveTextContent('拼多多《售后服务规则》');
    expect(within(notes[1]!).getByText(unverified), 'the pack’s confidence is shown').toBeInTheDocument();
    expect(screen.getByTestId('eligibility-auto-confirm')).toHaveTextContent(lang === 'en' ? 'The platform confirms receipt on its own' : '自动确认收货');
    expect(screen.getByTestId('eligibility-left')).toHaveTextContent('649.50');
  });

  it('asks again for another case type', async () => {
    const onCaseTypeChange = vi.fn();
    renderIn('en', <EligibilityPanel caseType="return_refund" onCaseTypeChange={onCaseTypeChange} lines={lines} />);

    fireEvent.mouseDown(within(screen.getByTestId('eligibility-panel')).getByRole('combobox'));
    fireEvent.click(await screen.findByText('Refund only'));

    expect(onCaseTypeChange).toHaveBeenCalledWith('refund_only', expect.anything());
  });
});
