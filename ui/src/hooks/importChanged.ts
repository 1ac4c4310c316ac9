import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from './queryKeys';

/**
 * An import wrote orders and requests, and the requests opened or moved cases: everything read from them is
 * read again (the shops too, for their order counts).
 */
export function importChanged(queryClient: QueryClient) {
  const keys = [
    queryKeys.shops,
    queryKeys.orders,
    queryKeys.anyOrder,
    queryKeys.cases,
    queryKeys.anyCase,
    queryKeys.due,
    queryKeys.eligibility,
    queryKeys.followups,
    queryKeys.warranty,
    queryKeys.metrics,
    queryKeys.remindersDue,
  ];
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
