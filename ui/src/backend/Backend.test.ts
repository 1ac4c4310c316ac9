// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { backendOver, type Backend, type Invoke } from './Backend';

type Call = { command: string; args: Record<string, unknown> | undefined };

function recording(): { backend: Backend; calls: Call[] } {
  const calls: Call[] = [];
  const invoke: Invoke = async (command, args) => {
    calls.push({ command, args });
    return null as never;
  };
  return { backend: backendOver(invoke), calls };
}

const credentials = { platform: 'woocommerce', key: 'ck_1', secret: 'cs_1' } as const;

describe('backendOver', () => {
  it.each<[string, (backend: Backend) => Promise<unknown>, string, Record<string, unknown> | undefined]>([
    ['listShops', (b) => b.listShops(), 'list_shops', undefined],
    ['addShop', (b) => b.addShop({ name: 'W', base_url: 'https://w.example', credentials }), 'add_shop', { input: { name: 'W', base_url: 'https://w.example', credentials } }],
    ['testConnection', (b) => b.testConnection({ base_url: 'https://w.example', credentials }), 'test_connection', { input: { base_url: 'https://w.example', credentials } }],
    ['updateShop', (b) => b.updateShop({ id: 3, name: 'W', base_url: 'https://w.example', credentials: null }), 'update_shop', { input: { id: 3, name: 'W', base_url: 'https://w.example', credentials: null } }],
    ['removeShop', (b) => b.removeShop({ id: 3 }), 'remove_shop', { input: { id: 3 } }],
    ['syncShops', (b) => b.syncShops({ shop_id: null }), 'sync_shops', { input: { shop_id: null } }],
    ['cancelSync', (b) => b.cancelSync({ id: 3 }), 'cancel_sync', { input: { id: 3 } }],
    ['getSettings', (b) => b.getSettings(), 'get_settings', undefined],
    ['updateSettings', (b) => b.updateSettings({ sync_interval_minutes: 15 }), 'update_settings', { input: { sync_interval_minutes: 15 } }],
    ['getOrder', (b) => b.getOrder({ id: 7 }), 'get_order', { input: { id: 7 } }],
    ['startDemo', (b) => b.startDemo(), 'start_demo', undefined],
  ])('%s calls the engine command %s', async (_method, call, command, args) => {
    const { backend, calls } = recording();
    await call(backend);
    expect(calls, 'snake_case command, one argument named input').toEqual([{ command, args }]);
  });
});
