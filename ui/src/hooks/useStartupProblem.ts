import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/**
 * `startup_problem`: what went wrong when the app could not open its database at start, null when it opened.
 * Asked once: only a restart changes it.
 */
export function useStartupProblem() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.startupProblem,
    queryFn: () => backend.startupProblem(),
    staleTime: Infinity,
  });
}
