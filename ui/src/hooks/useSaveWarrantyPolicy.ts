import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { WarrantyPolicyInput } from '../bindings';

/** `save_warranty_policy`: a new policy, or with `family_id` a new version of one; synced sales it covers become units at once. */
export function useSaveWarrantyPolicy() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: WarrantyPolicyInput) => backend.saveWarrantyPolicy(input),
  });
}
