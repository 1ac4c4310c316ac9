import { skipToken, useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/** `repair` for the ticket shown in detail; idle while none is. */
export function useRepair(id: number | null) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.repair(id),
    queryFn: id === null ? skipToken : () => backend.repair({ id }),
  });
}
