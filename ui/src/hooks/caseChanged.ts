import type { QueryClient } from '@tanstack/react-query';
import type { CaseDetailDto } from '../bindings';
import { queryKeys } from './queryKeys';

/**
 * A command answered with the case as it is now: that answer becomes the cached case at once. The lists, the due
 * deadlines and the eligibility answers are read again from what the engine reports changed (`backend/changes.ts`).
 */
export function caseChanged(queryClient: QueryClient, detail: CaseDetailDto) {
  queryClient.setQueryData(queryKeys.case(detail.case.id), detail);
}
