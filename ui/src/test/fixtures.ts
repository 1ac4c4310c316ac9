import type { OrderDto, ShopDto, SyncProgressDto, SyncStatusDto } from '../bindings';

export function order(overrides: Partial<OrderDto> = {}): OrderDto {
  return {
    id: 1,
    shop_id: 1,
    shop: 'Demo shop',
    external_id: '5012345678901',
    number: '#1001',
    financial_status: 'paid',
    fulfillment_status: null,
    total: '1299.00',
    refunded: '0.00',
    currency: 'USD',
    buyer_name: 'Ada Lovelace',
    buyer_phone: '+1 555 0100',
    buyer_address: '1 Main St, Springfield',
    created_at: '2025-03-04T05:06:07Z',
    updated_at: '2025-03-05T05:06:07Z',
    paid_at: '2025-03-04T05:07:00Z',
    shipped_at: null,
    delivered_at: null,
    closed_at: null,
    cancelled_at: null,
    lines: [{ external_id: 'L1', sku: 'MUG-01', title: 'Enamel mug', quantity: 2, price: '649.50' }],
    refunds: [],
    ...overrides,
  };
}

export function syncStatus(overrides: Partial<SyncStatusDto> = {}): SyncStatusDto {
  return {
    running: false,
    progress: null,
    last_attempt_at: '2025-03-04T05:06:07Z',
    last_success_at: '2025-03-04T05:06:07Z',
    last_error: null,
    last_error_code: null,
    orders_count: 1000,
    ...overrides,
  };
}

export function syncProgress(overrides: Partial<SyncProgressDto> = {}): SyncProgressDto {
  return { stream: 'orders', pages: 1, orders: 250, total: 1000, rate_per_sec: 125, eta_secs: 6, ...overrides };
}

export function shop(overrides: Partial<ShopDto> = {}): ShopDto {
  return {
    id: 1,
    name: 'Demo shop',
    platform: 'shopify',
    base_url: 'http://127.0.0.1:40123',
    currency: 'USD',
    time_zone: 'UTC',
    sync: syncStatus(),
    ...overrides,
  };
}
