import type { QueryClient } from '@tanstack/react-query';
import type { CaseDetailDto } from '../bindings';
import { queryKeys } from './queryKeys';

/**
 * A command answered with the case as it is now: that answer becomes the cached case, and the lists, the due
 * deadlines and the eligibility answers (an open case blocks another) are read again.
 */
export function caseChanged(queryClient: QueryClient, detail: CaseDetailDto) {
  queryClient.setQueryData(queryKeys.case(detail.case.id), detail);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.cases }),
    queryClient.invalidateQueries({ queryKey: queryKeys.due }),
    queryClient.invalidateQueries({ queryKey: queryKeys.eligibility }),
  ]);
}
