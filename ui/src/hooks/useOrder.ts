import { skipToken, useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/** `get_order` for the order shown in detail; idle while none is. */
export function useOrder(id: number | null) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.order(id),
    queryFn: id === null ? skipToken : () => backend.getOrder({ id }),
  });
}
