import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { IdInput } from '../bindings';

/** `retire_warranty_policy`: no new units from now on; units already sold keep it. */
export function useRetireWarrantyPolicy() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: IdInput) => backend.retireWarrantyPolicy(input),
  });
}
