import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/** `repair_photo`: a photo's file for its thumbnail; read once, as a stored photo never changes. */
export function useRepairPhoto(id: number) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.repairPhoto(id),
    queryFn: () => backend.repairPhoto({ id }),
    staleTime: Infinity,
    // Read from this computer's disk: a failure (a file gone) does not mend by asking again.
    retry: false,
  });
}
