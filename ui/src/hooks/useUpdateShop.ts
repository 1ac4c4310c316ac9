import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { UpdateShopInput } from '../bindings';

/** `update_shop`; shops and orders (which show the shop's name) are refetched after. */
export function useUpdateShop() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: UpdateShopInput) => backend.updateShop(input),
  });
}
