import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { ShopIdInput } from '../bindings';

/** `remove_shop`: the shop, its synced orders and its stored credentials go; shops, orders and cases are refetched. */
export function useRemoveShop() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: ShopIdInput) => backend.removeShop(input),
  });
}
