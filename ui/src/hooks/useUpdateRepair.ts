import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { RepairUpdateInput } from '../bindings';
import { repairChanged } from './repairChanged';

/** `update_repair`; the ticket as the engine answers becomes the shown one, and the board is read again. */
export function useUpdateRepair() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RepairUpdateInput) => backend.updateRepair(input),
    onSuccess: (detail) => repairChanged(queryClient, detail),
  });
}
