import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { ImportInput } from '../bindings';

/** `import_file`; when it wrote (not a dry run, not stopped by all-or-nothing) the orders, cases and the rest are read again. */
export function useImportFile() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: ImportInput) => backend.importFile(input),
  });
}
