import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { VoidUnitInput } from '../bindings';

/** `void_unit`: takes a unit out of the ledger, with the reason why. */
export function useVoidUnit() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: VoidUnitInput) => backend.voidUnit(input),
  });
}
