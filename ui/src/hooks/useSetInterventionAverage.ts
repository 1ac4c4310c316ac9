import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { InterventionAverageInput } from '../bindings';

/** `set_intervention_average`: saves (or, with an empty percent, removes) a shop's category intervention average. */
export function useSetInterventionAverage() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: InterventionAverageInput) => backend.setInterventionAverage(input),
  });
}
