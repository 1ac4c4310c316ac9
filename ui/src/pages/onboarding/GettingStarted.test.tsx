import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../backend/Backend';
import type { ReminderSettingsDto, ShopDto } from '../../bindings';
import { renderIn } from '../../test/render';
import { GettingStarted } from './GettingStarted';

function shop(id: number, extra: Partial<ShopDto>): ShopDto {
  return {
    id,
    name: `Shop ${id}`,
    platform: 'shopify',
    base_url: 'https://shop.example',
    currency: 'CNY',
    time_zone: 'Asia/Shanghai',
    sync: { running: false, progress: null, last_attempt_at: null, last_success_at: null, last_error_code: null, last_error: null, orders_count: 0, unreadable: 0, conflicts: 0, flagged: 0 },
    ...extra,
  } as ShopDto;
}

const REMINDERS: ReminderSettingsDto = {
  leads_minutes: [1440, 240, 60],
  kind_leads: [],
  quiet_enabled: false,
  quiet_start: '22:00',
  quiet_end: '08:00',
  quiet_time_zone: 'Asia/Shanghai',
  repair_stale_hours: 48,
  close_to_tray: false,
  start_at_login: false,
};

function backendWith(reminders: ReminderSettingsDto): Backend {
  return { reminderSettings: vi.fn(async () => reminders) } as unknown as Backend;
}

const done = (step: string) => screen.getByTestId(`step-${step}`).dataset.done;

beforeEach(() => localStorage.clear());

describe('GettingStarted', () => {
  it('after the demo: four steps, each ticked from what the desk holds', async () => {
    const onGo = vi.fn();
    renderIn('en', <GettingStarted shops={[shop(1, { demo: true, intervention_average: 0.008 })]} onGo={onGo} />, backendWith({ ...REMINDERS, start_at_login: true }));
    await screen.findByTestId('getting-started');
    await waitFor(() => expect(done('login')).toBe('true'));
    expect(done('shop'), 'the demo shop is not the merchant’s own').toBe('false');
    expect(done('average')).toBe('true');
    expect(done('reminders')).toBe('false');
    expect(screen.getByTestId('getting-started')).toHaveTextContent('2 of 4 done');
    fireEvent.click(within(screen.getByTestId('step-shop')).getByRole('button', { name: 'Open Shops' }));
    expect(onGo).toHaveBeenCalledWith('shops');
    fireEvent.click(within(screen.getByTestId('step-shop')).getByRole('button', { name: /Where are my keys/ }));
    expect(await screen.findByTestId('keys-help')).toHaveTextContent('Pinduoduo');
  });

  it('remembers a step ticked by hand and being hidden', async () => {
    const shops = [shop(1, { demo: true })];
    const view = renderIn('en', <GettingStarted shops={shops} onGo={() => undefined} />, backendWith(REMINDERS));
    await screen.findByTestId('getting-started');
    fireEvent.click(within(screen.getByTestId('step-reminders')).getByRole('checkbox'));
    expect(done('reminders')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    expect(screen.queryByTestId('getting-started')).toBeNull();
    view.unmount();
    renderIn('en', <GettingStarted shops={shops} onGo={() => undefined} />, backendWith(REMINDERS));
    expect(screen.queryByTestId('getting-started'), 'hidden stays hidden').toBeNull();
    expect(JSON.parse(localStorage.getItem('aftersales.gettingStarted') ?? '{}')).toEqual({ hidden: true, ticked: ['reminders'] });
  });

  it('is not shown without a demo shop, nor once every step is done; speaks Chinese', async () => {
    const own = shop(2, { demo: false, intervention_average: 0.01 });
    const { unmount } = renderIn('en', <GettingStarted shops={[own]} onGo={() => undefined} />, backendWith(REMINDERS));
    expect(screen.queryByTestId('getting-started')).toBeNull();
    unmount();
    const all = renderIn('en', <GettingStarted shops={[shop(1, { demo: true }), own]} onGo={() => undefined} />, backendWith({ ...REMINDERS, quiet_enabled: true, start_at_login: true }));
    await waitFor(() => expect(screen.queryByTestId('getting-started')).toBeNull());
    all.unmount();
    renderIn('zh-CN', <GettingStarted shops={[shop(1, { demo: true })]} onGo={() => undefined} />, backendWith(REMINDERS));
    expect(await screen.findByTestId('getting-started')).toHaveTextContent('开始使用');
    expect(screen.getByTestId('step-average')).toHaveTextContent('填写类目平均介入率');
  });
});
