import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from './queryKeys';

/**
 * A unit, a policy or a SKU's category changed: lookups, unit pages and policies (their unit counts) are read
 * again, since a policy or a category can add units anywhere in the ledger.
 */
export function warrantyChanged(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: queryKeys.warranty });
}
