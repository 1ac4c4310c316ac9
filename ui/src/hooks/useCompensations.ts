import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { CompensationsQuery } from '../bindings';
import { queryKeys } from './queryKeys';

/** `compensations`: entries newest first and totals per carrier and currency; the previous answer stays while a new period loads. */
export function useCompensations(query: CompensationsQuery) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.compensationsFor(query),
    queryFn: () => backend.compensations(query),
    placeholderData: keepPreviousData,
  });
}
