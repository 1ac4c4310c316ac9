import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { OutboxSendInput } from '../bindings';
import { queryKeys } from './queryKeys';

/**
 * `send_outbox`: delivers what is due (one entry, or all); safe to call at any time. Whatever the platform
 * answered, the cases, their deadlines and the outbox are read again.
 */
export function useSendOutbox() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OutboxSendInput) => backend.sendOutbox(input),
    onSettled: () => outboxChanged(queryClient),
  });
}

/** An answer moved on its way to a platform: the cases it touches, the due deadlines and the badge are read again. */
export function outboxChanged(queryClient: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.anyCase }),
    queryClient.invalidateQueries({ queryKey: queryKeys.cases }),
    queryClient.invalidateQueries({ queryKey: queryKeys.due }),
    queryClient.invalidateQueries({ queryKey: queryKeys.outbox }),
  ]);
}
