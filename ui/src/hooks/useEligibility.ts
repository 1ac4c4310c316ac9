import { skipToken, useQueries } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { CaseType, OrderLineDto } from '../bindings';
import { queryKeys } from './queryKeys';

/** `eligibility` for each line of an order and one case type, in the order of `lines`; idle while `orderId` is null. */
export function useEligibility(orderId: number | null, lines: OrderLineDto[], caseType: CaseType) {
  const backend = useBackend();
  return useQueries({
    queries: lines.map((line) => ({
      queryKey: queryKeys.lineEligibility(orderId ?? -1, line.external_id, caseType),
      queryFn:
        orderId === null
          ? skipToken
          : () => backend.eligibility({ order_id: orderId, line_external_id: line.external_id, case_type: caseType, at: null }),
    })),
  });
}
