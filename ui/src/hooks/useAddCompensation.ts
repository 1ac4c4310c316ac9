import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { CompensationInput } from '../bindings';

/**
 * `add_compensation`; the ledger is read again, and so is the case it belongs to, whose timeline the engine gave a
 * compensation event.
 */
export function useAddCompensation() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: CompensationInput) => backend.addCompensation(input),
  });
}
