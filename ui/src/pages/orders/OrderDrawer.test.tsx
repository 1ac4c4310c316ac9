import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../backend/Backend';
import type { DeliveryMethodInput, EligibilityDto, EligibilityInput, GoodsClassInput, NewCaseInput } from '../../bindings';
import { caseDetail, caseSummary, order, reasons } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { OrderDrawer } from './OrderDrawer';

const twoLines = order({
  id: 7,
  shop_id: 3,
  number: '#2042',
  currency: 'CNY',
  shipped_at: '2026-11-01T08:00:00Z',
  lines: [
    { external_id: 'L1', sku: 'MUG-01', title: 'Enamel mug', quantity: 2, price: '649.50' },
    { external_id: 'L2', sku: 'CAKE-9', title: 'Birthday cake', quantity: 1, price: '88.00' },
  ],
});

function orderBackend() {
  const classes = new Map<string, string>();
  const calls = {
    getOrder: vi.fn(async () => twoLines),
    setDeliveryMethod: vi.fn(async (input: DeliveryMethodInput) => ({
      ...twoLines,
      delivery_method: input.method,
      delivery_method_source: 'merchant' as const,
    })),
    setGoodsClass: vi.fn(async (input: GoodsClassInput) => {
      classes.set(input.sku, input.class);
      return null;
    }),
    eligibility: vi.fn(async (input: EligibilityInput): Promise<EligibilityDto> =>
      input.line_external_id === 'L1' && classes.get('MUG-01') !== 'fresh'
        ? { eligible: true, reasons: [], window_ends_at: '2026-11-09T15:59:59Z', notes: [] }
        : {
            eligible: false,
            reasons: [{ code: 'goods_class', message: `no-reason returns exclude goods fresh or perishable (${input.case_type})`, source: '消费者权益保护法 第二十五条' }],
            window_ends_at: null,
            notes: [],
          },
    ),
    newCase: vi.fn(async (input: NewCaseInput) =>
      caseDetail({ case: caseSummary({ id: 31, order_id: input.order_id, order_number: '#2042', case_type: input.case_type }) }),
    ),
    getCase: vi.fn(async () => caseDetail({ case: caseSummary({ id: 31, order_id: 7, order_number: '#2042' }) })),
    listReasons: vi.fn(async () => reasons()),
  };
  const backend = new Proxy(calls as unknown as Backend, {
    get: (target, command) =>
      command in target ? target[command as keyof Backend] : () => Promise.reject(new Error(`unexpected ${String(command)}`)),
  });
  return { backend, ...calls };
}

describe('OrderDrawer', () => {
  it('explains per line whether after-sales is possible, and asks again for another case type', async () => {
    const { backend, eligibility } = orderBackend();
    renderIn('en', <OrderDrawer orderId={7} open onClose={() => undefined} />, backend);

    const panel = await screen.findByTestId('eligibility-panel');
    await waitFor(() => expect(within(panel).getAllByTestId('eligibility-verdict')).toHaveLength(2));
    expect(eligibility).toHaveBeenCalledWith({ order_id: 7, line_external_id: 'L1', case_type: 'return_refund', at: null });
    expect(eligibility).toHaveBeenCalledWith({ order_id: 7, line_external_id: 'L2', case_type: 'return_refund', at: null });
    const [mug, cake] = within(panel).getAllByTestId('eligibility-line');
    expect(mug).toHaveTextContent('Eligible');
    expect(mug).toHaveTextContent('Return window ends Nov 9, 2026');
    expect(cake).toHaveTextContent('Not eligible');
    expect(cake).toHaveTextContent('These goods are excluded from no-reason returns');
    expect(cake).toHaveTextContent('no-reason returns exclude goods fresh or perishable (return_refund)');
    expect(cake).toHaveTextContent('Source: 消费者权益保护法 第二十五条');

    fireEvent.mouseDown(within(panel).getByRole('combobox', { name: 'Case type' }).closest('.ant-select')!.querySelector('.ant-select-selector')!);
    fireEvent.click((await screen.findAllByText('Exchange', { selector: '.ant-select-item-option-content' })).at(-1)!);

    await waitFor(() => expect(eligibility).toHaveBeenCalledWith({ order_id: 7, line_external_id: 'L2', case_type: 'exchange', at: null }));
    expect(await within(panel).findByText('no-reason returns exclude goods fresh or perishable (exchange)')).toBeInTheDocument();
  });

  it.each([
    ['en', 'Delivery', 'Store pickup (自提)', 'Set by you'],
    ['zh-CN', '配送方式', '门店自提', '您设置的'],
  ] as const)('in %s, sets the order’s delivery method to store pickup and asks eligibility again', async (lang, label, pickup, mine) => {
    const { backend, setDeliveryMethod, eligibility } = orderBackend();
    renderIn(lang, <OrderDrawer orderId={7} open onClose={() => undefined} />, backend);

    const field = await screen.findByTestId('order-delivery-method');
    const select = within(field).getByRole('combobox', { name: label });
    await waitFor(() => expect(eligibility).toHaveBeenCalledTimes(2));
    fireEvent.mouseDown(select.closest('.ant-select')!.querySelector('.ant-select-selector')!);
    fireEvent.click((await screen.findAllByText(pickup, { selector: '.ant-select-item-option-content' })).at(-1)!);

    await waitFor(() => expect(setDeliveryMethod).toHaveBeenCalledWith({ order_id: 7, method: 'pickup' }));
    expect(await within(field).findByTestId('delivery-method-source'), 'the merchant’s word is marked as theirs').toHaveTextContent(mine);
    await waitFor(() => expect(eligibility.mock.calls.length, 'a pickup order’s eligibility is read again').toBeGreaterThan(2));
  });

  it('starts a case from a line with the order, the line and its amount filled in, and no reason, then shows the case', async () => {
    const { backend, newCase } = orderBackend();
    renderIn('zh-CN', <OrderDrawer orderId={7} open onClose={() => undefined} />, backend);

    const lines = await screen.findByTestId('order-lines');
    const [first] = within(lines).getAllByTestId('order-line-aftersales');
    expect(first).toHaveTextContent('申请售后');
    fireEvent.click(first!);

    const form = await screen.findByTestId('new-case-form');
    expect(screen.getByText('订单 #2042 申请售后')).toBeInTheDocument();
    expect(form).toHaveTextContent('Enamel mug');
    expect(within(form).getByLabelText(/申请金额/), 'price × quantity, exactly').toHaveValue('1299.00');
    expect(within(form).queryByLabelText(/客户姓名/), 'the order names the buyer').toBeNull();
    fireEvent.mouseDown(within(form).getByLabelText(/原因/).closest('.ant-select')!.querySelector('.ant-select-selector')!);
    expect(await screen.findByText('运输破损', { selector: '.ant-select-tree-title' }), 'reasons named in Chinese').toBeInTheDocument();
    expect(screen.getByText('质量问题', { selector: '.ant-select-tree-title' })).toBeInTheDocument();
    fireEvent.click(within(form).getByRole('button', { name: '创建售后单' }));

    await waitFor(() =>
      expect(newCase).toHaveBeenCalledWith({
        shop_id: 3,
        order_id: 7,
        line_external_id: 'L1',
        case_type: 'return_refund',
        amount: '1299.00',
        reason: null,
        note: null,
        customer: null,
        at: null,
      }),
    );
    expect(await screen.findByText('已创建售后单 #31')).toBeInTheDocument();
    expect(await screen.findByText('售后单 #31 · 订单 #2042'), 'the new case opens over the order').toBeInTheDocument();
  });

  it('sets a line goods class with the shop of the order and the SKU of the line, then explains the line again', async () => {
    const { backend, eligibility, setGoodsClass } = orderBackend();
    renderIn('en', <OrderDrawer orderId={7} open onClose={() => undefined} />, backend);

    const panel = await screen.findByTestId('eligibility-panel');
    await waitFor(() => expect(within(panel).getAllByTestId('eligibility-verdict')).toHaveLength(2));
    const [mug] = within(panel).getAllByTestId('eligibility-line');
    expect(mug).toHaveTextContent('Eligible');
    expect(within(mug!).getAllByTestId('goods-class-select')).toHaveLength(1);
    expect(mug).toHaveTextContent('Set goods class');
    const asked = eligibility.mock.calls.filter(([input]) => input.line_external_id === 'L1').length;

    fireEvent.mouseDown(within(mug!).getByRole('combobox', { name: 'Goods class' }).closest('.ant-select')!.querySelector('.ant-select-selector')!);
    fireEvent.click((await screen.findAllByText('Fresh / perishable', { selector: '.ant-select-item-option-content' })).at(-1)!);

    await waitFor(() => expect(setGoodsClass).toHaveBeenCalledWith({ shop_id: 3, sku: 'MUG-01', class: 'fresh' }));
    await waitFor(() => expect(eligibility.mock.calls.filter(([input]) => input.line_external_id === 'L1').length).toBeGreaterThan(asked));
    await waitFor(() => expect(within(mug!).getByTestId('eligibility-verdict')).toHaveAttribute('data-eligible', 'false'));
    expect(within(mug!).getByTestId('goods-class-select')).toHaveTextContent('Fresh / perishable');
  });
});
