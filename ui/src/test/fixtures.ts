import type {
  ActionPreviewDto,
  CaseDetailDto,
  CaseEventDto,
  CaseSummaryDto,
  ClockDto,
  DueItemDto,
  OrderDto,
  OutboxEntryDto,
  ReasonDto,
  RuleDto,
  RuleInfoDto,
  ShopDto,
  SyncProgressDto,
  SyncStatusDto,
} from '../bindings';

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
    delivery_method: 'ship',
    delivery_method_source: 'platform',
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
    unreadable: 0,
    conflicts: 0,
    flagged: 0,
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

export function rule(overrides: Partial<RuleInfoDto> = {}): RuleInfoDto {
  return {
    id: 'pdd.merchant_response',
    pack: 'pdd',
    minutes: 2880,
    source: '拼多多售后规则 第 3.1 条: 商家 48 小时内未处理, 系统自动同意退款',
    as_of: '2026-11-01',
    confidence: 'official',
    note: 'Answer within 48 hours or the platform refunds.',
    ...overrides,
  };
}

export function clock(overrides: Partial<ClockDto> = {}): ClockDto {
  return {
    id: 1,
    kind: 'merchant_response',
    calendar: 'natural',
    started_at: '2026-11-10T08:00:00Z',
    due: '2026-11-12T08:00:00Z',
    paused: false,
    stopped_at: null,
    outcome: 'running',
    consequence: 'auto_refund',
    source: 'rule',
    rule_source: rule().source,
    rule: rule(),
    ...overrides,
  };
}

export function caseSummary(overrides: Partial<CaseSummaryDto> = {}): CaseSummaryDto {
  return {
    id: 1,
    shop_id: 1,
    shop: 'Demo shop',
    platform: 'shopify',
    order_id: 1,
    order_number: '#1001',
    case_type: 'return_refund',
    status: 'requested',
    raw_status: 'WAIT_SELLER_AGREE',
    reason: 'Wrong size',
    requested: '25.00',
    refunded: '0.00',
    at_stake: '25.00',
    currency: 'USD',
    customer: null,
    opened_at: '2026-11-10T08:00:00Z',
    closed_at: null,
    intervention: false,
    source: 'platform',
    next_due: clock(),
    running_clocks: 1,
    ...overrides,
  };
}

export function caseEvent(overrides: Partial<CaseEventDto> = {}): CaseEventDto {
  return {
    at: '2026-11-10T08:00:00Z',
    actor: 'buyer',
    kind: 'opened',
    from_status: null,
    to_status: 'requested',
    note: 'Wrong size',
    ...overrides,
  };
}

export function caseDetail(overrides: Partial<CaseDetailDto> = {}): CaseDetailDto {
  return {
    case: caseSummary(),
    lines: [{ sku: 'MUG-01', title: 'Enamel mug', quantity: 2, received_qty: 0, damaged_qty: 0 }],
    events: [caseEvent()],
    clocks: [clock()],
    evidence: [],
    actions: ['approve', 'reject', 'close', 'cancel', 'intervene'],
    refunds: [],
    outbox: [],
    ...overrides,
  };
}

export function dueItem(summary: Partial<CaseSummaryDto> = {}, due: Partial<ClockDto> = {}): DueItemDto {
  const c = clock(due);
  return { case: caseSummary({ next_due: c, ...summary }), clock: c };
}

/** A rule as `list_rules` answers it: Pinduoduo's 48 hours to answer a request, not overridden. */
export function ruleDto(overrides: Partial<RuleDto> = {}): RuleDto {
  return {
    id: 'pdd.merchant_response',
    pack: 'pdd',
    pack_name: 'Pinduoduo 拼多多',
    kind: 'merchant_response',
    case_types: ['refund_only', 'return_refund'],
    minutes: 2880,
    shipped_minutes: 2880,
    calendar: 'natural',
    consequence: 'auto_refund',
    source: '拼多多《售后服务规则》: 商家未在48小时内处理退款申请，系统自动同意退款',
    as_of: '2026-11-01',
    confidence: 'secondary',
    note: 'Unanswered for 48 hours, the platform agrees to the refund on its own.',
    ...overrides,
  };
}

/** Part of the default reason tree the engine ships: two groups with reasons, and a group without any. */
export function reasons(): ReasonDto[] {
  return [
    { code: 'quality', parent: null, label_zh: '质量问题', label_en: 'Quality problem', builtin: true },
    { code: 'quality.damaged', parent: 'quality', label_zh: '运输破损', label_en: 'Damaged in transit', builtin: true },
    { code: 'quality.defective', parent: 'quality', label_zh: '商品故障/无法使用', label_en: 'Defective, does not work', builtin: true },
    { code: 'buyer', parent: null, label_zh: '买家原因', label_en: "Buyer's reason", builtin: true },
    { code: 'buyer.size', parent: 'buyer', label_zh: '尺码不合适', label_en: 'Wrong size', builtin: true },
    { code: 'other', parent: null, label_zh: '其他', label_en: 'Other', builtin: true },
  ];
}

/** An answer on its way to the platform: the approval of case 1, queued and not yet sent. */
export function outboxEntry(overrides: Partial<OutboxEntryDto> = {}): OutboxEntryDto {
  return {
    id: 1,
    case_id: 1,
    shop_id: 1,
    platform: 'shopify',
    action: 'approve',
    op: 'approve',
    what: 'approve',
    state: 'pending',
    attempts: 0,
    queued_at: '2026-11-11T09:00:00Z',
    sent_at: null,
    accepted_at: null,
    platform_message: null,
    last_error: null,
    error_code: null,
    next_try_at: '2026-11-11T09:00:00Z',
    contradiction: null,
    needs_attention: false,
    ...overrides,
  };
}

/** What `preview_action` says of an action on a shop kept by hand: the desk records it, nothing is sent. */
export function handKeptPreview(overrides: Partial<ActionPreviewDto> = {}): ActionPreviewDto {
  return {
    sends: false,
    platform: 'pdd',
    op: null,
    call: null,
    amount: null,
    currency: 'CNY',
    lines: [],
    money: false,
    needs_return_address: false,
    return_address_id: null,
    needs_reason: false,
    refusal_reasons: [],
    restriction: null,
    allowed: null,
    why: null,
    gateway_choice: false,
    problem: null,
    ...overrides,
  };
}

/** What `preview_action` says of approving a synced Shopify return: one call, allowed by the token's scopes. */
export function sendingPreview(overrides: Partial<ActionPreviewDto> = {}): ActionPreviewDto {
  return handKeptPreview({
    sends: true,
    platform: 'shopify',
    op: 'approve',
    call: 'returnApproveRequest on request gid://shopify/Return/1',
    currency: 'USD',
    restriction: 'Shopify needs the write_returns scope for returns and write_orders for refunds.',
    allowed: true,
    why: 'write_returns granted',
    ...overrides,
  });
}
