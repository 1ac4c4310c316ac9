import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { ImportInput } from '../bindings';
import { importChanged } from './importChanged';

/** `import_file`; when it wrote (not a dry run, not stopped by all-or-nothing) the orders, cases and the rest are read again. */
export function useImportFile() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportInput) => backend.importFile(input),
    onSuccess: (report) => (report.written ? importChanged(queryClient) : undefined),
  });
}
