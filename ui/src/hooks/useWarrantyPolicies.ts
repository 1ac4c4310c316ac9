import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/** `warranty_policies`: the version of each policy in force now. */
export function useWarrantyPolicies() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.warrantyPolicies,
    queryFn: () => backend.warrantyPolicies(),
  });
}
