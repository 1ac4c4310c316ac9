import type { CaseType, CasesQuery, OrdersQuery } from '../bindings';

export const queryKeys = {
  shops: ['shops'] as const,
  orders: ['orders'] as const,
  ordersPage: (query: OrdersQuery) => ['orders', query] as const,
  order: (id: number | null) => ['order', id] as const,
  anyOrder: ['order'] as const,
  settings: ['settings'] as const,
  /** Every `list_cases` page. */
  cases: ['cases'] as const,
  casesPage: (query: CasesQuery) => ['cases', query] as const,
  case: (id: number | null) => ['case', id] as const,
  anyCase: ['case'] as const,
  /** Every `due_clocks` window. */
  due: ['due'] as const,
  dueWithin: (hours: number) => ['due', hours] as const,
  /** Every `eligibility` answer: a new case or a synced refund changes them. */
  eligibility: ['eligibility'] as const,
  lineEligibility: (orderId: number, lineExternalId: string, caseType: CaseType) =>
    ['eligibility', orderId, lineExternalId, caseType] as const,
  /** Every rule of every shipped pack, with the merchant's numbers. */
  rules: ['rules'] as const,
  /** The reason tree. */
  reasons: ['reasons'] as const,
};

export const mutationKeys = {
  /** Every `sync_shops` call; the shop list is polled while one is pending. */
  syncShops: ['sync_shops'] as const,
};
