import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/** `list_outbox` in one state (`stuck`, `refused`, …), read only while its list is shown. */
export function useListOutbox(state: 'pending' | 'sent' | 'accepted' | 'refused' | 'stuck', enabled: boolean) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.outboxList(state),
    queryFn: () => backend.listOutbox({ state, limit: 50 }),
    enabled,
  });
}
