import { skipToken, useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { ImportInput } from '../bindings';
import { queryKeys } from './queryKeys';

/**
 * `import_preview` of a file read once (`fileKey` names that read) for a shop and profile; null: nothing to
 * preview yet. A read file does not change, so the answer never goes stale, and it is dropped once unused:
 * previews of big files are not worth keeping.
 */
export function useImportPreview(input: ImportInput | null, fileKey: number) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.importPreview(input?.shop_id ?? 0, input?.profile ?? '', fileKey),
    queryFn: input === null ? skipToken : () => backend.importPreview(input),
    staleTime: Infinity,
    gcTime: 0,
    // A file that cannot be read will not read on a second try either.
    retry: false,
  });
}
