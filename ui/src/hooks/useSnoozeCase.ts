import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { SnoozeInput } from '../bindings';

/** `snooze_case`: holds a case's reminders (not its breaches) for 1 to 24 hours; what is due is read again. */
export function useSnoozeCase() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: SnoozeInput) => backend.snoozeCase(input),
  });
}
