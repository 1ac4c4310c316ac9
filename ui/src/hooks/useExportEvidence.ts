import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { ExportEvidenceInput } from '../bindings';

/** `export_evidence`: writes the case's evidence ZIP where the merchant chose and answers where, with how many files. */
export function useExportEvidence() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: ExportEvidenceInput) => backend.exportEvidence(input),
  });
}
