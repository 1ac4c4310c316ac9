import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { OutboxIdInput } from '../bindings';

/**
 * `retry_outbox` then `send_outbox` for that entry: a refused answer goes out again as a new request (after the
 * merchant fixed what the platform refused), a waiting one at once. Resolves with the send's report.
 */
export function useRetryOutbox() {
  const backend = useBackend();
  return useMutation({
    mutationFn: async (input: OutboxIdInput) => {
      const entry = await backend.retryOutbox(input);
      return backend.sendOutbox({ id: entry.id });
    },
  });
}
