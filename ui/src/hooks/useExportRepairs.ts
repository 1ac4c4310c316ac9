import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { ExportRepairsInput } from '../bindings';

/** `export_repairs`: writes the repair tickets as a spreadsheet and answers where and how many rows. */
export function useExportRepairs() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: ExportRepairsInput) => backend.exportRepairs(input),
  });
}
