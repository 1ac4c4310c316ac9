import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/** The shell badge polls this often: the background sender works every 10 s. */
export const OUTBOX_ATTENTION_MS = 20_000;

/** `outbox_attention`: answers stuck on their way to a platform, and answers a platform refused; read every 20 s. */
export function useOutboxAttention({ enabled = true }: { enabled?: boolean } = {}) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.outboxAttention,
    queryFn: () => backend.outboxAttention(),
    refetchInterval: OUTBOX_ATTENTION_MS,
    enabled,
  });
}
