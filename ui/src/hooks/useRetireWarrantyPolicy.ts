import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { IdInput } from '../bindings';
import { warrantyChanged } from './warrantyChanged';

/** `retire_warranty_policy`: no new units from now on; units already sold keep it. */
export function useRetireWarrantyPolicy() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IdInput) => backend.retireWarrantyPolicy(input),
    onSuccess: () => warrantyChanged(queryClient),
  });
}
