import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { ExportMetricsInput } from '../bindings';

/** `export_metrics`: writes the dashboard's figures for a window as a workbook and answers where. */
export function useExportMetrics() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: ExportMetricsInput) => backend.exportMetrics(input),
  });
}
