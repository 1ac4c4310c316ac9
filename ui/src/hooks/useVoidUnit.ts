import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { VoidUnitInput } from '../bindings';
import { warrantyChanged } from './warrantyChanged';

/** `void_unit`: takes a unit out of the ledger, with the reason why. */
export function useVoidUnit() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: VoidUnitInput) => backend.voidUnit(input),
    onSuccess: () => warrantyChanged(queryClient),
  });
}
