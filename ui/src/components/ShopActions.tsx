import { DeleteOutlined, EditOutlined, StopOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopDto } from '../bindings';

export type ShopActionsProps = {
  shop: ShopDto;
  syncing: boolean;
  cancelling: boolean;
  removing: boolean;
  onSync: () => void;
  onCancel: () => void;
  onEdit: () => void;
  onRemove: () => void;
};

/** A shop's row actions as icon buttons, each named by its tooltip: sync now (or cancel), edit, remove (asked first). */
export function ShopActions({ shop, syncing, cancelling, removing, onSync, onCancel, onEdit, onRemove }: ShopActionsProps) {
  const { t } = useTranslation();
  // The Remove tooltip would cover the confirmation's buttons: it stays closed while that is open.
  const [confirming, setConfirming] = useState(false);
  return (
    <Space size={4}>
      {shop.sync.running ? (
        <Tooltip title={t('sync.cancel')}>
          <Button size="small" type="text" aria-label={t('sync.cancel')} icon={<StopOutlined />} loading={cancelling} onClick={onCancel} />
        </Tooltip>
      ) : (
        <Tooltip title={t('sync.now')}>
          <Button size="small" type="text" aria-label={t('sync.now')} icon={<SyncOutlined />} loading={syncing} onClick={onSync} />
        </Tooltip>
      )}
      <Tooltip title={t('shops.edit')}>
        <Button size="small" type="text" aria-label={t('shops.edit')} icon={<EditOutlined />} onClick={onEdit} />
      </Tooltip>
      <Popconfirm
        title={t('shops.removeTitle', { name: shop.name })}
        description={<div style={{ maxWidth: 320 }}>{t('shops.removeWarning')}</div>}
        okText={t('shops.remove')}
        okButtonProps={{ danger: true }}
        cancelText={t('app.cancel')}
        onConfirm={onRemove}
        onOpenChange={setConfirming}
      >
        <Tooltip title={t('shops.remove')} open={confirming ? false : undefined}>
          <Button size="small" type="text" danger aria-label={t('shops.remove')} icon={<DeleteOutlined />} loading={removing} />
        </Tooltip>
      </Popconfirm>
    </Space>
  );
}
