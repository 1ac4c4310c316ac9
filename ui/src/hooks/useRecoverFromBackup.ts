import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { FileInput } from '../bindings';

/** `recover_from_backup`: puts the backup in place of the damaged database, then the app restarts. */
export function useRecoverFromBackup() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: FileInput) => backend.recoverFromBackup(input),
  });
}
