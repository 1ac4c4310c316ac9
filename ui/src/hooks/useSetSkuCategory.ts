import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { SkuCategoryInput } from '../bindings';
import { warrantyChanged } from './warrantyChanged';

/** `set_sku_category`: files a SKU under a category; category-wide policies then cover its sales. */
export function useSetSkuCategory() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SkuCategoryInput) => backend.setSkuCategory(input),
    onSuccess: () => warrantyChanged(queryClient),
  });
}
