import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { RuleOverrideInput } from '../bindings';
import { queryKeys } from './queryKeys';

/**
 * `set_rule_override` (`minutes: null` restores the shipped number); the rules as the engine answers become the
 * cached ones. Only clocks started from then on use the new number, so nothing else is read again.
 */
export function useSetRuleOverride() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RuleOverrideInput) => backend.setRuleOverride(input),
    onSuccess: (rules) => queryClient.setQueryData(queryKeys.rules, rules),
  });
}
