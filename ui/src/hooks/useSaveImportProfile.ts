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
    onSuccess: (profiles, input) => {
      queryClient.setQueryData(queryKeys.importProfiles, profiles);
      // Not waited for: the editor closes at once, the preview shows it is reading.
      void queryClient.invalidateQueries({ queryKey: queryKeys.importPreviews, predicate: (query) => query.queryKey[2] === input.id });
    },
  });
}
