import type { Backend } from '../backend/Backend';
import type { FollowupDto, RepairDetailDto, RepairEventDto, RepairSummaryDto, WarrantyUnitDto } from '../bindings';

export function repairSummary(overrides: Partial<RepairSummaryDto> = {}): RepairSummaryDto {
  return {
    id: 1,
    number: 'R-00001',
    shop_id: 1,
    shop: 'Demo shop',
    status: 'received',
    customer_name: 'Ada Lovelace',
    customer_phone: '+1 555 0100',
    product: 'Phone X',
    serial: 'SN-0001',
    intake_at: '2026-11-10T08:00:00Z',
    promised_at: '2026-11-14T17:00:00Z',
    returned_at: null,
    overdue: false,
    payer: 'warranty',
    technician: 'Wang',
    cost: '95.00',
    currency: 'USD',
    order_id: 1,
    order_number: '#1001',
    case_id: null,
    unit_id: 7,
    updated_at: '2026-11-10T08:00:00Z',
    ...overrides,
  };
}

export function warrantyUnit(overrides: Partial<WarrantyUnitDto> = {}): WarrantyUnitDto {
  return {
    id: 7,
    shop_id: 1,
    shop: 'Demo shop',
    order_id: 1,
    order_number: '#1001',
    buyer_name: 'Ada Lovelace',
    buyer_phone: '+1 555 0100',
    sku: 'PHX-128',
    title: 'Phone X 128 GB',
    serial: 'SN-0001',
    policy_id: 3,
    policy_name: 'Phones 12m',
    policy_version: 1,
    coverage: 'Defects in materials and workmanship',
    labour_free: true,
    parts_free: true,
    start_at: '2026-03-02T00:00:00Z',
    start_basis: 'delivered',
    last_day: '2027-03-01',
    end_at: '2027-03-02T00:00:00Z',
    status: 'in',
    stage: 'repair',
    days_left: 110,
    replaced_by: null,
    replaces: null,
    note: null,
    repairs: 1,
    ...overrides,
  };
}

export function repairEvent(overrides: Partial<RepairEventDto> = {}): RepairEventDto {
  return {
    at: '2026-11-10T08:00:00Z',
    kind: 'received',
    from_status: null,
    to_status: 'received',
    note: 'Screen flickers; payer warranty (in warranty until 2027-03-01 (Phones 12m v1))',
    ...overrides,
  };
}

export function repairDetail(overrides: Partial<RepairDetailDto> = {}): RepairDetailDto {
  return {
    repair: repairSummary(),
    fault: 'Screen flickers',
    diagnosis: 'Loose display connector',
    labour: '50.00',
    payer_basis: 'in warranty until 2027-03-01 (Phones 12m v1)',
    parts: [{ id: 1, part: 'Display cable', quantity: 1, cost: '45.00', total: '45.00' }],
    parts_cost: '45.00',
    merchant_cost: '95.00',
    events: [repairEvent()],
    photos: [],
    unit: warrantyUnit(),
    next: ['diagnosing', 'awaiting_parts', 'repairing', 'ready', 'returned', 'unrepairable'],
    ...overrides,
  };
}

export function followup(overrides: Partial<FollowupDto> = {}): FollowupDto {
  return {
    id: 1,
    kind: 'repair',
    shop: 'Demo shop',
    case_id: null,
    repair_id: 1,
    subject: 'R-00001 Phone X',
    customer: 'Ada Lovelace',
    phone: '+1 555 0100',
    due_at: '2026-11-13T08:00:00Z',
    overdue: false,
    script: 'Hello, this is Demo shop after-sales. Your R-00001 Phone X came back from repair: is it working well?',
    done_at: null,
    outcome: null,
    csat: null,
    note: null,
    ...overrides,
  };
}

/**
 * A backend answering only the given commands; any other call is a test bug and fails loudly. `startupProblem`
 * answers null (the database opened) unless given: the app asks it first, whatever the test is about.
 */
export function fakeBackend<T extends Partial<Record<keyof Backend, unknown>>>(calls: T): Backend {
  return new Proxy(calls as unknown as Backend, {
    get: (target, command) =>
      command in target
        ? target[command as keyof Backend]
        : command === 'startupProblem'
          ? () => Promise.resolve(null)
          : () => Promise.reject(new Error(`unexpected backend call ${String(command)}`)),
  });
}
