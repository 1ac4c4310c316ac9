import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../backend/Backend';
import type { ApiError, RuleDto, RuleOverrideInput } from '../../bindings';
import { ruleDto } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { RulesSection } from './RulesSection';

const shipped: RuleDto[] = [
  ruleDto(),
  ruleDto({
    id: 'pdd.merchant_confirm_receipt',
    kind: 'merchant_confirm_receipt',
    case_types: ['return_refund', 'exchange'],
    minutes: 10080,
    shipped_minutes: 10080,
    confidence: 'unverified',
    source: '拼多多《售后服务规则》: 买家退货后商家7天内未确认收货，系统自动退款',
  }),
  ruleDto({
    id: 'own.first_response',
    pack: 'woocommerce',
    pack_name: 'WooCommerce',
    kind: 'first_response',
    case_types: ['repair'],
    minutes: 540,
    shipped_minutes: 540,
    calendar: 'business',
    consequence: 'none',
    source: 'Your service target: first answer within 9 business hours',
    as_of: '2026-06-30',
    confidence: 'official',
  }),
];

/** An engine in memory with the shipped rules: an override sets the number in effect, null restores the shipped one. */
function rulesBackend({ failWith }: { failWith?: ApiError } = {}) {
  let rules = shipped;
  const calls = {
    listRules: vi.fn(async () => rules),
    setRuleOverride: vi.fn(async (input: RuleOverrideInput) => {
      if (failWith) return Promise.reject(failWith);
      rules = rules.map((rule) => (rule.id === input.rule_id ? { ...rule, minutes: input.minutes ?? rule.shipped_minutes } : rule));
      return rules;
    }),
  };
  const backend = new Proxy(calls as unknown as Backend, {
    get: (target, command) =>
      command in target ? target[command as keyof Backend] : () => Promise.reject(new Error(`unexpected ${String(command)}`)),
  });
  return { backend, ...calls };
}

async function row(ruleId: string): Promise<HTMLElement> {
  const table = await screen.findByTestId('rules-table');
  return waitFor(() => {
    const found = table.querySelector<HTMLElement>(`tr[data-rule-id="${ruleId}"]`);
    if (found === null) throw new Error(`no row ${ruleId}`);
    return found;
  });
}

async function chooseUnit(form: HTMLElement, unit: string) {
  fireEvent.mouseDown(within(form).getByRole('combobox', { name: /Unit|单位/ }).closest('.ant-select')!.querySelector('.ant-select-selector')!);
  fireEvent.click((await screen.findAllByText(unit, { selector: '.ant-select-item-option-content' })).at(-1)!);
}

describe('RulesSection', () => {
  it('shows every rule grouped by pack, with its number in a readable unit, what follows and its source, in English', async () => {
    const { backend } = rulesBackend();
    renderIn('en', <RulesSection />, backend);

    const response = within(await row('pdd.merchant_response'));
    expect(response.getByText('Pinduoduo 拼多多')).toBeInTheDocument();
    expect(response.getByText('Answer the request')).toBeInTheDocument();
    expect(response.getByText('Refund only')).toBeInTheDocument();
    expect(response.getByText('Return & refund')).toBeInTheDocument();
    expect(response.getByTestId('rule-minutes')).toHaveTextContent(/^48 h$/);
    expect(response.getByText('platform refunds the buyer')).toBeInTheDocument();
    expect(response.getByText(/商家未在48小时内处理退款申请/)).toBeInTheDocument();
    expect(response.getByText('as of Nov 1, 2026')).toBeInTheDocument();
    expect(response.getByText('Secondary')).toBeInTheDocument();
    expect(response.queryByTestId('rule-shipped'), 'the shipped number is in effect').toBeNull();
    expect(response.queryByTestId('rule-restore')).toBeNull();

    const receipt = within(await row('pdd.merchant_confirm_receipt'));
    expect(receipt.getByTestId('rule-minutes')).toHaveTextContent(/^7 d$/);
    expect(receipt.getByText('Unverified')).toBeInTheDocument();
    expect(receipt.queryByText('Pinduoduo 拼多多'), 'one pack cell spans the pack').toBeNull();
    expect(screen.getAllByTestId('rule-pack').map((cell) => cell.textContent)).toEqual(['Pinduoduo 拼多多', 'WooCommerce']);

    const firstResponse = within(await row('own.first_response'));
    expect(firstResponse.getByTestId('rule-minutes')).toHaveTextContent(/^9 working hours$/);
    expect(firstResponse.getByText('nothing happens automatically')).toBeInTheDocument();
    expect(firstResponse.getByText('Repair')).toBeInTheDocument();
  });

  it('reads the units in Chinese', async () => {
    const { backend } = rulesBackend();
    renderIn('zh-CN', <RulesSection />, backend);

    expect(within(await row('pdd.merchant_response')).getByTestId('rule-minutes')).toHaveTextContent(/^48 小时$/);
    expect(within(await row('pdd.merchant_confirm_receipt')).getByTestId('rule-minutes')).toHaveTextContent(/^7 天$/);
    const firstResponse = within(await row('own.first_response'));
    expect(firstResponse.getByTestId('rule-minutes')).toHaveTextContent(/^9 个工作小时$/);
    expect(firstResponse.getByText('维修')).toBeInTheDocument();
    expect(screen.getByText('二手来源')).toBeInTheDocument();
  });

  it('overrides a number in hours, shows it as the merchant’s beside the shipped one, and restores it', async () => {
    const { backend, setRuleOverride } = rulesBackend();
    renderIn('en', <RulesSection />, backend);

    fireEvent.click(within(await row('pdd.merchant_response')).getByTestId('rule-edit'));
    const form = within(await row('pdd.merchant_response')).getByTestId('rule-minutes-form');
    const number = within(form).getByRole('spinbutton', { name: 'Time allowed' });
    expect(number, 'the form starts from the number in effect').toHaveValue('48');
    fireEvent.change(number, { target: { value: '24' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(setRuleOverride).toHaveBeenCalledWith({ rule_id: 'pdd.merchant_response', minutes: 1440 }));
    expect(await screen.findByText('Saved; deadlines started from now on use 24 h')).toBeInTheDocument();
    const overridden = within(await row('pdd.merchant_response'));
    await waitFor(() => expect(overridden.getByTestId('rule-minutes')).toHaveTextContent(/^24 h$/));
    expect(overridden.getByTestId('rule-shipped')).toHaveTextContent('Yours; shipped: 48 h');
    expect(overridden.queryByTestId('rule-minutes-form'), 'the form closes once saved').toBeNull();

    fireEvent.click(overridden.getByTestId('rule-restore'));
    await waitFor(() => expect(setRuleOverride).toHaveBeenLastCalledWith({ rule_id: 'pdd.merchant_response', minutes: null }));
    expect(await screen.findByText('Shipped number restored: 48 h')).toBeInTheDocument();
    await waitFor(() => expect(overridden.getByTestId('rule-minutes')).toHaveTextContent(/^48 h$/));
    expect(overridden.queryByTestId('rule-shipped')).toBeNull();
    expect(overridden.queryByTestId('rule-restore')).toBeNull();
  });

  it('takes days and working minutes, in Chinese', async () => {
    const { backend, setRuleOverride } = rulesBackend();
    renderIn('zh-CN', <RulesSection />, backend);

    fireEvent.click(within(await row('pdd.merchant_confirm_receipt')).getByTestId('rule-edit'));
    let form = within(await row('pdd.merchant_confirm_receipt')).getByTestId('rule-minutes-form');
    fireEvent.change(within(form).getByRole('spinbutton'), { target: { value: '3' } });
    fireEvent.click(within(form).getByRole('button', { name: /^保\s?存$/ }));
    await waitFor(() => expect(setRuleOverride).toHaveBeenCalledWith({ rule_id: 'pdd.merchant_confirm_receipt', minutes: 4320 }));
    await waitFor(() =>
      expect(within(screen.getByTestId('rules-table')).getByText('已自定义；默认 7 天')).toBeInTheDocument(),
    );

    fireEvent.click(within(await row('own.first_response')).getByTestId('rule-edit'));
    form = within(await row('own.first_response')).getByTestId('rule-minutes-form');
    await chooseUnit(form, '工作分钟');
    fireEvent.change(within(form).getByRole('spinbutton'), { target: { value: '90' } });
    fireEvent.click(within(form).getByRole('button', { name: /^保\s?存$/ }));
    await waitFor(() => expect(setRuleOverride).toHaveBeenLastCalledWith({ rule_id: 'own.first_response', minutes: 90 }));
    await waitFor(() => expect(within(screen.getByTestId('rules-table')).getByText('已自定义；默认 9 个工作小时')).toBeInTheDocument());
  });

  it('refuses more than a year before asking the engine, and shows why the engine refused a number', async () => {
    const { backend, setRuleOverride } = rulesBackend({ failWith: { code: 'validation', message: 'minutes: between 1 minute and a year' } });
    renderIn('en', <RulesSection />, backend);

    fireEvent.click(within(await row('pdd.merchant_confirm_receipt')).getByTestId('rule-edit'));
    const form = within(await row('pdd.merchant_confirm_receipt')).getByTestId('rule-minutes-form');
    fireEvent.change(within(form).getByRole('spinbutton'), { target: { value: '400' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('At most one year')).toBeInTheDocument();
    expect(setRuleOverride).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByRole('spinbutton'), { target: { value: '5' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(setRuleOverride).toHaveBeenCalledWith({ rule_id: 'pdd.merchant_confirm_receipt', minutes: 7200 }));
    expect(await screen.findByText('Please check the input')).toBeInTheDocument();
    expect(screen.getByText('minutes: between 1 minute and a year')).toBeInTheDocument();
    expect(within(await row('pdd.merchant_confirm_receipt')).getByTestId('rule-minutes-form'), 'the form stays open to correct').toBeInTheDocument();
  });
});
