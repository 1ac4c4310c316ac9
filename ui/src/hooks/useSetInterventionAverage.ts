import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { InterventionAverageInput } from '../bindings';
import { queryKeys } from './queryKeys';

/** `set_intervention_average`: saves (or, with an empty percent, removes) a shop's category intervention average. */
export function useSetInterventionAverage() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InterventionAverageInput) => backend.setInterventionAverage(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.metrics }),
  });
}
