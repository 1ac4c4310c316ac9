import { skipToken, useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { WarrantyLookupInput } from '../bindings';
import { queryKeys } from './queryKeys';

/** `warranty_lookup` for what was last looked up; idle until something is. */
export function useWarrantyLookup(input: WarrantyLookupInput | null) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.warrantyLookup(input),
    queryFn: input === null ? skipToken : () => backend.warrantyLookup(input),
    // The engine answers from this computer's database: a failure is the input's, and asking again only delays it.
    retry: false,
  });
}
