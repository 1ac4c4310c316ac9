import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AddShopInput } from '../../bindings';
import { ConnectShopModal } from '../../components/ConnectShopModal';
import { useAddShop } from '../../hooks/useAddShop';
import { useSyncShops } from '../../hooks/useSyncShops';

type ConnectShopDialogProps = {
  open: boolean;
  onClose: () => void;
  onConnected?: () => void;
};

/** Adds the shop, then starts its first sync in the background (its progress shows in the sync status). */
export function ConnectShopDialog({ open, onClose, onConnected }: ConnectShopDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const addShop = useAddShop();
  const syncShops = useSyncShops();

  const submit = (input: AddShopInput) => {
    // mutateAsync: on first start this dialog is gone as soon as the shop list refetches.
    addShop.mutateAsync(input).then(
      (shop) => {
        message.success(t('connect.connected', { name: shop.name }));
        syncShops.mutate({ shop_id: shop.id });
        onClose();
        onConnected?.();
      },
      () => undefined, // shown in the form from addShop.error
    );
  };

  return (
    <ConnectShopModal
      open={open}
      submitting={addShop.isPending}
      error={addShop.error}
      onSubmit={submit}
      onCancel={() => {
        addShop.reset();
        onClose();
      }}
    />
  );
}
