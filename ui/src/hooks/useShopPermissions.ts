import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/** `shop_permissions`: which calls the shop's connected credentials allow, asked while its edit dialog is open. */
export function useShopPermissions(shopId: number, enabled: boolean) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.shopPermissions(shopId),
    queryFn: () => backend.shopPermissions({ shop_id: shopId }),
    enabled,
  });
}
