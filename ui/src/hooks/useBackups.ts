import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/** `backups`: the files in the app's backups folder, newest first. */
export function useBackups() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.backups,
    queryFn: () => backend.backups(),
  });
}
