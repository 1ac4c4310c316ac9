import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { OutInput } from '../bindings';

/** `export_diagnostics`: a ZIP of the logs and versions for support, written where the merchant chose. */
export function useExportDiagnostics() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: OutInput) => backend.exportDiagnostics(input),
  });
}
