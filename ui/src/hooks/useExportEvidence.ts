import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { CaseIdInput } from '../bindings';

/** `export_evidence`: writes the case's evidence ZIP on this computer and answers where. */
export function useExportEvidence() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: CaseIdInput) => backend.exportEvidence(input),
  });
}
