import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { DeliveryMethodInput } from '../bindings';
import { queryKeys } from './queryKeys';

/**
 * `set_delivery_method`: the merchant's word on whether an order was shipped or picked up at the store (自提).
 * The answer is the order as it now is; a pickup order takes no online return, so its eligibility is read again.
 */
export function useSetDeliveryMethod() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DeliveryMethodInput) => backend.setDeliveryMethod(input),
    onSuccess: (order) => queryClient.setQueryData(queryKeys.order(order.id), order),
  });
}
