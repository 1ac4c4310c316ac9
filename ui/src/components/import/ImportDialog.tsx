import { ShopOutlined } from '@ant-design/icons';
import { Button, Modal, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShopDto } from '../../bindings';
import { ImportForm } from './ImportForm';
import { importShops } from './importTargets';

export type ImportDialogProps = {
  open: boolean;
  /** A file dropped on the window: read at once, in place of any chosen before. */
  file: File | null;
  shops: ShopDto[];
  onClose: () => void;
  /** To the Shops page, where a Pinduoduo or Taobao shop kept by hand can be added. */
  onAddShop: () => void;
};

/**
 * A seller back-office export (CSV or XLSX) into a Pinduoduo or Taobao shop: shop, profile and file, a preview
 * of what the engine reads, then the import and its report. A fresh form every time it opens.
 */
export function ImportDialog({ open, file, shops, onClose, onAddShop }: ImportDialogProps) {
  const { t } = useTranslation();
  const targets = importShops(shops);
  return (
    <Modal open={open} title={t('import.title')} footer={null} onCancel={onClose} destroyOnHidden width={880}>
      {targets.length === 0 ? (
        <div data-testid="import-no-shop">
          <Result
            icon={<ShopOutlined />}
            title={t('import.noShop.title')}
            subTitle={t('import.noShop.hint')}
            extra={
              <Button type="primary" onClick={onAddShop}>
                {t('import.noShop.go')}
              </Button>
            }
          />
        </div>
      ) : (
        <ImportForm shops={targets} file={file} onClose={onClose} />
      )}
    </Modal>
  );
}
