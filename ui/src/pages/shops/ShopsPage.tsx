import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopDto } from '../../bindings';
import { ShopsTable } from '../../components/ShopsTable';
import { useRemoveShop } from '../../hooks/useRemoveShop';
import { useErrorToast } from '../useErrorToast';
import { useSyncActions } from '../useSyncActions';
import { ShopFormDialog } from './ShopFormDialog';
import { ShopSyncIssues } from './ShopSyncIssues';

/** The connected shops: sync, cancel, edit or remove each, the way to add another, and to import a file into one. */
export function ShopsPage({ shops, onConnected, onImport }: { shops: ShopDto[]; onConnected: () => void; onImport: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const syncActions = useSyncActions();
  const removeShop = useRemoveShop();
  // The edited shop stays while the dialog closes, so its title does not change mid-animation.
  const [dialog, setDialog] = useState<{ open: boolean; shop: ShopDto | null }>({ open: false, shop: null });

  const remove = (shop: ShopDto) =>
    removeShop.mutate(
      { id: shop.id },
      { onSuccess: () => void message.success(t('shops.removed', { name: shop.name })), onError: (error) => showError(error) },
    );

  return (
    <Card
      title={t('shops.title')}
      extra={
        <Flex gap="small">
          <Button icon={<ImportOutlined />} onClick={onImport} data-testid="shops-import">
            {t('shops.import')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ open: true, shop: null })}>
            {t('shops.add')}
          </Button>
        </Flex>
      }
    >
      <ShopsTable
        shops={shops}
        syncingShopId={typeof syncActions.pending === 'number' ? syncActions.pending : null}
        cancellingShopId={syncActions.cancellingShopId}
        removingShopId={removeShop.isPending ? removeShop.variables.id : null}
        onSync={(shop) => syncActions.sync(shop.id)}
        onCancel={(shop) => syncActions.cancel(shop.id)}
        onEdit={(shop) => setDialog({ open: true, shop })}
        onRemove={remove}
        renderSyncIssues={(shop) => <ShopSyncIssues shop={shop} />}
      />
      <ShopFormDialog
        open={dialog.open}
        shop={dialog.shop}
        onClose={() => setDialog((current) => ({ ...current, open: false }))}
        onConnected={onConnected}
      />
    </Card>
  );
}
