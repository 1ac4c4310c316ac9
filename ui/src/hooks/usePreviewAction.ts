import { skipToken, useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { CaseAction } from '../bindings';
import { queryKeys } from './queryKeys';

/**
 * `preview_action`: what the action will do on the case's platform, asked afresh each time its dialog opens
 * (the platform's reasons and the credentials' scopes can change); idle while no action is chosen.
 */
export function usePreviewAction(caseId: number, action: CaseAction | null, enabled: boolean) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.actionPreview(caseId, action),
    queryFn: action === null || !enabled ? skipToken : () => backend.previewAction({ case_id: caseId, action }),
    gcTime: 0,
    staleTime: 0,
  });
}
