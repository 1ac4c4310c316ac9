import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AddShopInput, ShopDto, UpdateShopInput } from '../../bindings';
import { ShopFormModal } from '../../components/ShopFormModal';
import { useAddShop } from '../../hooks/useAddShop';
import { useSyncShops } from '../../hooks/useSyncShops';
import { useTestConnection } from '../../hooks/useTestConnection';
import { useUpdateShop } from '../../hooks/useUpdateShop';
import { ShopPermissions } from './ShopPermissions';

type ShopFormDialogProps = {
  open: boolean;
  /** The shop to edit; null to connect a new one. */
  shop: ShopDto | null;
  onClose: () => void;
  onConnected?: () => void;
};

/**
 * Connects a shop (then starts its first sync in the background; its progress shows in the sync status)
 * or saves the changes to one. The connection can be tested first. An edited shop shows what the desk can do on
 * its platform with the credentials it has.
 */
export function ShopFormDialog({ open, shop, onClose, onConnected }: ShopFormDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const addShop = useAddShop();
  const updateShop = useUpdateShop();
  const testConnection = useTestConnection();
  const syncShops = useSyncShops();

  const close = () => {
    addShop.reset();
    updateShop.reset();
    testConnection.reset();
    onClose();
  };

  const add = (input: AddShopInput) => {
    // mutateAsync: on first start this dialog is gone as soon as the shop list refetches.
    addShop.mutateAsync(input).then(
      (added) => {
        void message.success(t('connect.connected', { name: added.name }));
        syncShops.mutate({ shop_id: added.id });
        close();
        onConnected?.();
      },
      () => undefined, // shown in the form from addShop.error
    );
  };

  const update = (input: UpdateShopInput) => {
    updateShop.mutateAsync(input).then(
      (saved) => {
        void message.success(t('connect.saved', { name: saved.name }));
        close();
      },
      () => undefined, // shown in the form from updateShop.error
    );
  };

  return (
    <ShopFormModal
      open={open}
      shop={shop}
      extra={shop !== null && <ShopPermissions key={shop.id} shop={shop} open={open} />}
      submitting={addShop.isPending || updateShop.isPending}
      error={shop === null ? addShop.error : updateShop.error}
      test={{ pending: testConnection.isPending, result: testConnection.data ?? null, error: testConnection.error }}
      onTest={(input) => testConnection.mutate(input)}
      onTestStale={() => {
        if (testConnection.data !== undefined || testConnection.error !== null) {
          testConnection.reset();
        }
      }}
      onAdd={add}
      onUpdate={update}
      onCancel={close}
    />
  );
}
