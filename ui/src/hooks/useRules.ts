import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/** `list_rules`: every rule of every shipped pack, with the number in effect and the shipped one. */
export function useRules() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.rules,
    queryFn: () => backend.listRules(),
  });
}
