import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { ImportProfile } from '../bindings';
import { queryKeys } from './queryKeys';

/**
 * `save_import_profile`; every profile as the engine answers (with the saved one) becomes the cached list. A
 * profile saved again under its id reads files differently now: previews made with it are read again.
 */
export function useSaveImportProfile() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportProfile) => backend.saveImportProfile(input),
    onSuccess: (profiles) => queryClient.setQueryData(queryKeys.importProfiles, profiles),
  });
}
