import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/** `import_profiles`: the presets and the merchant's own; they change only when one is saved, which writes the cache. */
export function useImportProfiles() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.importProfiles,
    queryFn: () => backend.importProfiles(),
    staleTime: Infinity,
  });
}
