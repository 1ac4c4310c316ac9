import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { RepairActInput } from '../bindings';
import { repairChanged } from './repairChanged';

/** `repair_act`; the ticket as the engine answers becomes the shown one, the board is read again, and the follow-up queue when it went back. */
export function useRepairAct() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RepairActInput) => backend.repairAct(input),
    onSuccess: (detail) => repairChanged(queryClient, detail),
  });
}
