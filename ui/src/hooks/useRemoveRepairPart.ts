import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { RepairPartIdInput } from '../bindings';
import { repairChanged } from './repairChanged';

/** `remove_repair_part`; the ticket as the engine answers becomes the shown one, and the board is read again. */
export function useRemoveRepairPart() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RepairPartIdInput) => backend.removeRepairPart(input),
    onSuccess: (detail) => repairChanged(queryClient, detail),
  });
}
