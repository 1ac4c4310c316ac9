import { skipToken, useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { CaseDetailDto } from '../bindings';
import { queryKeys } from './queryKeys';

/** While an answer is on its way to the platform, the shown case is read again this often. */
export const POLL_WHILE_SENDING_MS = 1500;

/** An answer of the case is queued or sent and the platform has not said yes or no yet. */
export function awaitsPlatform(detail: CaseDetailDto | undefined): boolean {
  return detail?.outbox?.some((entry) => entry.state === 'pending' || entry.state === 'sent') ?? false;
}

/**
 * `get_case` for the case shown in detail; idle while none is. With `poll`, read again every 1.5 s while one of its
 * answers waits for the platform, until the platform took or refused it.
 */
export function useCase(id: number | null, { poll = false }: { poll?: boolean } = {}) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.case(id),
    queryFn: id === null ? skipToken : () => backend.getCase({ id }),
    refetchInterval: (query) => (poll && awaitsPlatform(query.state.data) ? POLL_WHILE_SENDING_MS : false),
  });
}
