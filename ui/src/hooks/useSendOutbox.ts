import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { OutboxSendInput } from '../bindings';

/**
 * `send_outbox`: delivers what is due (one entry, or all); safe to call at any time. Whatever the platform
 * answered, the cases, their deadlines and the outbox are read again.
 */
export function useSendOutbox() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: OutboxSendInput) => backend.sendOutbox(input),
  });
}
