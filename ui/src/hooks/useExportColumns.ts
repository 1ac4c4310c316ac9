import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/** `export_columns`: what each export can write; fixed for a build of the engine, so read once. */
export function useExportColumns() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.exportColumns,
    queryFn: () => backend.exportColumns(),
    staleTime: Infinity,
  });
}
