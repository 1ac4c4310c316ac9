import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/** `get_settings`. */
export function useSettings() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.settings,
    queryFn: () => backend.getSettings(),
  });
}
