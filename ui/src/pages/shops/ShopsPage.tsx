import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopDto } from '../../bindings';
import { ShopsTable } from '../../components/ShopsTable';
import { useSyncShops } from '../../hooks/useSyncShops';
import { useSyncMessages } from '../useSyncMessages';
import { ConnectShopDialog } from './ConnectShopDialog';

/** The connected shops, a sync button for each, and the way to add another. */
export function ShopsPage({ shops, onConnected }: { shops: ShopDto[]; onConnected: () => void }) {
  const { t } = useTranslation();
  const syncShops = useSyncShops();
  const syncMessages = useSyncMessages();
  const [connecting, setConnecting] = useState(false);

  const sync = (shopId: number) => syncShops.mutate({ shop_id: shopId }, syncMessages);

  return (
    <Card
      title={t('shops.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setConnecting(true)}>
          {t('shops.add')}
        </Button>
      }
    >
      <ShopsTable
        shops={shops}
        syncingShopId={syncShops.isPending ? (syncShops.variables.shop_id ?? null) : null}
        onSync={sync}
      />
      <ConnectShopDialog open={connecting} onClose={() => setConnecting(false)} onConnected={onConnected} />
    </Card>
  );
}
