import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { ShopIdInput } from '../bindings';

/**
 * `retry_sync_issues`: the set-aside records are read again; what now reads becomes orders (and maybe cases),
 * so shops (with their issues), orders and cases are refetched.
 */
export function useRetrySyncIssues() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: ShopIdInput) => backend.retrySyncIssues(input),
  });
}
