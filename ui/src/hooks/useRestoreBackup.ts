import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { FileInput } from '../bindings';

/** `restore_backup`: replaces all data with the file's; every cached answer is stale after, so all are refetched. */
export function useRestoreBackup() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: FileInput) => backend.restoreBackup(input),
  });
}
