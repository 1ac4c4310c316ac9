import type { ShopDto } from '../../bindings';
import { ShopPermissionsView } from '../../components/outbox/ShopPermissionsView';
import { useShopPermissions } from '../../hooks/useShopPermissions';

/** Which calls the shop's credentials allow on its platform, asked while its edit dialog is open. */
export function ShopPermissions({ shop, open }: { shop: ShopDto; open: boolean }) {
  const permissions = useShopPermissions(shop.id, open);
  return (
    <ShopPermissionsView platform={shop.platform} permissions={permissions.data} loading={permissions.isFetching && permissions.data === undefined} error={permissions.error} />
  );
}
