import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { NewRepairInput } from '../bindings';
import { repairChanged } from './repairChanged';

/** `new_repair`; the new ticket is cached and the board is read again, and the warranty ledger (its unit counts one more repair). */
export function useNewRepair() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewRepairInput) => backend.newRepair(input),
    onSuccess: (detail) => repairChanged(queryClient, detail),
  });
}
