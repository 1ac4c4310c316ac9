import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { OutInput } from '../bindings';
import { queryKeys } from './queryKeys';

/** `backup_now`: a backup into the backups folder (`out` null, then listed) or to a file the merchant chose. */
export function useBackupNow() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OutInput) => backend.backupNow(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.backups }),
  });
}
