import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { ReplaceUnitInput } from '../bindings';

/** `replace_unit`: swaps a unit for a new serial, which becomes a unit of its own. */
export function useReplaceUnit() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: ReplaceUnitInput) => backend.replaceUnit(input),
  });
}
