import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { AddShopInput } from '../bindings';

/** `add_shop`; the shop list is refetched after. */
export function useAddShop() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: AddShopInput) => backend.addShop(input),
  });
}
