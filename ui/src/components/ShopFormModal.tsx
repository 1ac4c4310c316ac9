import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ShopForm, type ShopFormProps } from './ShopForm';

export type ShopFormModalProps = ShopFormProps & {
  open: boolean;
  /** Below the form (an edited shop: what the desk can do on its platform). */
  extra?: ReactNode;
};

/** The shop form in a dialog: "Connect a shop", or "Edit shop NAME". A fresh form every time it opens. */
export function ShopFormModal({ open, extra, ...form }: ShopFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={form.shop === null ? t('connect.title') : t('connect.editTitle', { name: form.shop.name })}
      footer={null}
      onCancel={form.onCancel}
      destroyOnHidden
      width={560}
    >
      <ShopForm key={form.shop?.id ?? 'new'} {...form} />
      {extra}
    </Modal>
  );
}
