import type { PeriodUnit, ReplacementRule, Scope, WarrantyPolicyDto, WarrantyPolicyInput } from '../../bindings';

export const ALL_SHOPS = 'all';

/** The policy form's fields; numbers are null while their box is empty. */
export type PolicyValues = {
  name: string;
  shop: number | typeof ALL_SHOPS;
  scope: Scope;
  scope_value: string;
  period_count: number | null;
  period_unit: PeriodUnit;
  coverage: string;
  labour_free: boolean;
  parts_free: boolean;
  return_days: number | null;
  exchange_days: number | null;
  replacement: ReplacementRule;
};

/**
 * The form filled from a policy to change, or for a new one with the usual terms: a year, parts and labour free,
 * and the 三包 stages of the national rules (7 days return, 15 exchange).
 */
export function policyValues(policy: WarrantyPolicyDto | null): PolicyValues {
  if (policy === null) {
    return {
      name: '',
      shop: ALL_SHOPS,
      scope: 'sku',
      scope_value: '',
      period_count: 12,
      period_unit: 'months',
      coverage: '',
      labour_free: true,
      parts_free: true,
      return_days: 7,
      exchange_days: 15,
      replacement: 'restart',
    };
  }
  return {
    name: policy.name,
    shop: policy.shop_id ?? ALL_SHOPS,
    scope: policy.scope,
    scope_value: policy.scope_value,
    period_count: policy.period_count,
    period_unit: policy.period_unit,
    coverage: policy.coverage,
    labour_free: policy.labour_free,
    parts_free: policy.parts_free,
    return_days: policy.return_days,
    exchange_days: policy.exchange_days,
    replacement: policy.replacement,
  };
}

/** What `save_warranty_policy` takes; `familyId` set makes it a new version of that policy. */
export function policyInput(values: PolicyValues, familyId: number | null): WarrantyPolicyInput {
  return {
    family_id: familyId,
    shop_id: values.shop === ALL_SHOPS ? null : values.shop,
    name: values.name.trim(),
    scope: values.scope,
    scope_value: values.scope_value.trim(),
    period_count: values.period_count ?? 0,
    period_unit: values.period_unit,
    coverage: values.coverage.trim(),
    labour_free: values.labour_free,
    parts_free: values.parts_free,
    return_days: values.return_days ?? 0,
    exchange_days: values.exchange_days ?? 0,
    replacement: values.replacement,
  };
}
