import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { UpdateShopInput } from '../bindings';
import { queryKeys } from './queryKeys';

/** `update_shop`; shops and orders (which show the shop's name) are refetched after. */
export function useUpdateShop() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateShopInput) => backend.updateShop(input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.shops }),
        queryClient.invalidateQueries({ queryKey: queryKeys.orders }),
        queryClient.invalidateQueries({ queryKey: queryKeys.anyOrder }),
      ]),
  });
}
