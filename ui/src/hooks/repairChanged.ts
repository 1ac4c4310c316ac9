import type { QueryClient } from '@tanstack/react-query';
import type { RepairDetailDto } from '../bindings';
import { queryKeys } from './queryKeys';

/**
 * A command answered with the ticket as it is now: that answer becomes the cached ticket and the board is read
 * again (status, cost and the overdue flag all show on the cards). A ticket handed back queues a follow-up call.
 */
export function repairChanged(queryClient: QueryClient, detail: RepairDetailDto) {
  queryClient.setQueryData(queryKeys.repair(detail.repair.id), detail);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.repairs }),
    detail.repair.status === 'returned' ? queryClient.invalidateQueries({ queryKey: queryKeys.followups }) : null,
  ]);
}
