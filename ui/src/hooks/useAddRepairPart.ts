import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { RepairPartInput } from '../bindings';
import { repairChanged } from './repairChanged';

/** `add_repair_part`; the ticket as the engine answers becomes the shown one, and the board is read again. */
export function useAddRepairPart() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RepairPartInput) => backend.addRepairPart(input),
    onSuccess: (detail) => repairChanged(queryClient, detail),
  });
}
