import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { WarrantyUnitsQuery } from '../bindings';
import { queryKeys } from './queryKeys';

/** `warranty_units`, newest sale first; the previous page stays on screen while the next one loads. */
export function useWarrantyUnits(query: WarrantyUnitsQuery) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.warrantyUnits(query),
    queryFn: () => backend.warrantyUnits(query),
    placeholderData: keepPreviousData,
  });
}
