import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { RepairPhotoInput } from '../bindings';
import { repairChanged } from './repairChanged';

/** `add_repair_photo`; the ticket as the engine answers becomes the shown one, and the board is read again. */
export function useAddRepairPhoto() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RepairPhotoInput) => backend.addRepairPhoto(input),
    onSuccess: (detail) => repairChanged(queryClient, detail),
  });
}
