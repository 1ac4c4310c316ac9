import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { OutInput } from '../bindings';

/** `backup_now`: a backup into the backups folder (`out` null, then listed) or to a file the merchant chose. */
export function useBackupNow() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: OutInput) => backend.backupNow(input),
  });
}
