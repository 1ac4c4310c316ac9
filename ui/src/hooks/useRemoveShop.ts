import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { ShopIdInput } from '../bindings';
import { queryKeys } from './queryKeys';

/** `remove_shop`: the shop, its synced orders and its stored credentials go; shops, orders and cases are refetched. */
export function useRemoveShop() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ShopIdInput) => backend.removeShop(input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.shops }),
        queryClient.invalidateQueries({ queryKey: queryKeys.orders }),
        queryClient.invalidateQueries({ queryKey: queryKeys.anyOrder }),
        queryClient.invalidateQueries({ queryKey: queryKeys.cases }),
        queryClient.invalidateQueries({ queryKey: queryKeys.due }),
      ]),
  });
}
