import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { SkuCategoryInput } from '../bindings';

/** `set_sku_category`: files a SKU under a category; category-wide policies then cover its sales. */
export function useSetSkuCategory() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: SkuCategoryInput) => backend.setSkuCategory(input),
  });
}
