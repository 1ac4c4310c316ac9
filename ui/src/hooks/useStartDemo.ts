import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';

/** `start_demo`: starts the built-in demo shop, adds it and syncs it; shops, orders and cases are refetched after. */
export function useStartDemo() {
  const backend = useBackend();
  return useMutation({
    mutationFn: () => backend.startDemo(),
  });
}
