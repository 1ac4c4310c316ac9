import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';

/**
 * `remove_demo`: the demo shops go with everything recorded for them (orders, cases, warranty, repairs, calls);
 * every page's data changes, so every query is refetched.
 */
export function useRemoveDemo() {
  const backend = useBackend();
  return useMutation({
    mutationFn: () => backend.removeDemo(),
  });
}
