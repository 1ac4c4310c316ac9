import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/** `followup_settings`: the delay before each kind of call and its script. */
export function useFollowupSettings() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.followupSettings,
    queryFn: () => backend.followupSettings(),
  });
}
