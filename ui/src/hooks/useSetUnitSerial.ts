import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { UnitSerialInput } from '../bindings';

/** `set_unit_serial`: records (or with an empty serial clears) a unit's serial. */
export function useSetUnitSerial() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: UnitSerialInput) => backend.setUnitSerial(input),
  });
}
