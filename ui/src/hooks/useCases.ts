import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { CasesQuery } from '../bindings';
import { queryKeys } from './queryKeys';

/** Deadlines run out while the page is open: the engine judges them at each read, so read again every minute. */
const REFRESH_MS = 60_000;

/** `list_cases`, most urgent first; the previous page stays on screen while the next one loads. */
export function useCases(query: CasesQuery) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.casesPage(query),
    queryFn: () => backend.listCases(query),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}
