import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { AddShopInput } from '../bindings';
import { queryKeys } from './queryKeys';

/** `add_shop`; the shop list is refetched after. */
export function useAddShop() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddShopInput) => backend.addShop(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.shops }),
  });
}
