import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { SavePathInput } from '../bindings';

/** `choose_save_path`: the system save dialog; answers null when the merchant cancels it. */
export function useChooseSavePath() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: SavePathInput) => backend.chooseSavePath(input),
  });
}
