import { skipToken, useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/** `get_case` for the case shown in detail; idle while none is. */
export function useCase(id: number | null) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.case(id),
    queryFn: id === null ? skipToken : () => backend.getCase({ id }),
  });
}
