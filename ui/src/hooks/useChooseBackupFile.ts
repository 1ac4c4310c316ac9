import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';

/** `choose_backup_file`: the system open dialog for a backup (.db); answers null when the merchant cancels it. */
export function useChooseBackupFile() {
  const backend = useBackend();
  return useMutation({
    mutationFn: () => backend.chooseBackupFile(),
  });
}
