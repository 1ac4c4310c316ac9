import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { GoodsClassInput } from '../bindings';

/** `set_goods_class`; what kind of goods a SKU is changes which returns it can take, so every eligibility answer is read again. */
export function useSetGoodsClass() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: GoodsClassInput) => backend.setGoodsClass(input),
  });
}
