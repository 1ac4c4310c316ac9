import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { FollowupState } from '../bindings';
import { queryKeys } from './queryKeys';

/** Calls fall due while the page is open: read again every minute. */
const REFRESH_MS = 60_000;
/** The most the engine lists at once; a desk never has more calls than this waiting. */
const LIMIT = 1000;

/** `followups` in one state: due now (overdue first), every open one, or done (newest first). */
export function useFollowups(state: FollowupState, options: { enabled?: boolean } = {}) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.followupsIn(state),
    queryFn: () => backend.followups({ state, at: null, limit: LIMIT }),
    refetchInterval: REFRESH_MS,
    enabled: options.enabled ?? true,
  });
}
