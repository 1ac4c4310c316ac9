import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { ShopIdInput } from '../bindings';
import { queryKeys } from './queryKeys';

/**
 * `retry_sync_issues`: the set-aside records are read again; what now reads becomes orders (and maybe cases),
 * so shops (with their issues), orders and cases are refetched.
 */
export function useRetrySyncIssues() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ShopIdInput) => backend.retrySyncIssues(input),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.shops }),
        queryClient.invalidateQueries({ queryKey: queryKeys.orders }),
        queryClient.invalidateQueries({ queryKey: queryKeys.cases }),
        queryClient.invalidateQueries({ queryKey: queryKeys.due }),
      ]),
  });
}
