import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { FileInput } from '../bindings';

/** `restore_backup`: replaces all data with the file's; every cached answer is stale after, so all are refetched. */
export function useRestoreBackup() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FileInput) => backend.restoreBackup(input),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
