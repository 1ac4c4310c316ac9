import type { QueryClient } from '@tanstack/react-query';
import type { RepairDetailDto } from '../bindings';
import { queryKeys } from './queryKeys';

/**
 * A command answered with the ticket as it is now: that answer becomes the cached ticket at once. The board and
 * the follow-up calls are read again from what the engine reports changed (`backend/changes.ts`).
 */
export function repairChanged(queryClient: QueryClient, detail: RepairDetailDto) {
  queryClient.setQueryData(queryKeys.repair(detail.repair.id), detail);
}
