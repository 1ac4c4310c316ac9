import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { ExportWarrantyInput } from '../bindings';

/** `export_warranty`: writes the warranty ledger as a spreadsheet and answers where and how many rows. */
export function useExportWarranty() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: ExportWarrantyInput) => backend.exportWarranty(input),
  });
}
