import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { TestConnectionInput } from '../bindings';

/** `test_connection`: asks the platform who the shop is, without saving anything. */
export function useTestConnection() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: TestConnectionInput) => backend.testConnection(input),
  });
}
