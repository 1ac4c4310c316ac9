import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { WarrantyPolicyInput } from '../bindings';
import { warrantyChanged } from './warrantyChanged';

/** `save_warranty_policy`: a new policy, or with `family_id` a new version of one; synced sales it covers become units at once. */
export function useSaveWarrantyPolicy() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WarrantyPolicyInput) => backend.saveWarrantyPolicy(input),
    onSuccess: () => warrantyChanged(queryClient),
  });
}
