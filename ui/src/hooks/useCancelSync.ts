import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { ShopIdInput } from '../bindings';

/** `cancel_sync` for one shop (nothing happens when it is not syncing); the shop list is refetched after. */
export function useCancelSync() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: ShopIdInput) => backend.cancelSync(input),
  });
}
