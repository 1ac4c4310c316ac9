import type { WarrantyPolicyDto, WarrantyUnitDto } from '../bindings';

export function warrantyUnit(overrides: Partial<WarrantyUnitDto> = {}): WarrantyUnitDto {
  return {
    id: 1,
    shop_id: 1,
    shop: 'Demo shop',
    order_id: 1,
    order_number: '#1001',
    buyer_name: 'Ada Lovelace',
    buyer_phone: '+1 555 0100',
    sku: 'KET-01',
    title: 'Electric kettle',
    serial: 'SN-1001',
    policy_id: 3,
    policy_name: 'Kettle warranty',
    policy_version: 1,
    coverage: 'Heating element and switch',
    labour_free: true,
    parts_free: false,
    start_at: '2026-11-01T10:00:00Z',
    start_basis: 'delivered',
    last_day: '2027-11-01',
    end_at: '2027-11-02T00:00:00Z',
    status: 'in',
    stage: 'exchange',
    days_left: 339,
    replaced_by: null,
    replaces: null,
    note: null,
    repairs: 0,
    ...overrides,
  };
}

export function warrantyPolicy(overrides: Partial<WarrantyPolicyDto> = {}): WarrantyPolicyDto {
  return {
    id: 3,
    family_id: 3,
    version: 1,
    shop_id: null,
    shop: null,
    name: 'Kettle warranty',
    scope: 'sku',
    scope_value: 'KET-01',
    period_count: 12,
    period_unit: 'months',
    coverage: 'Heating element and switch',
    labour_free: true,
    parts_free: false,
    return_days: 7,
    exchange_days: 15,
    replacement: 'restart',
    effective_from: null,
    superseded_at: null,
    units: 12,
    ...overrides,
  };
}
