import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { MetricsQuery } from '../bindings';
import { queryKeys } from './queryKeys';

/** `metrics`: the dashboard's figures for a window and a shop (or all); the previous answer stays while a new one loads. */
export function useMetrics(query: MetricsQuery) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.metricsFor(query),
    queryFn: () => backend.metrics(query),
    placeholderData: keepPreviousData,
  });
}
