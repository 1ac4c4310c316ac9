import { App, Modal, type InputRef } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepairDetailDto, ShopDto } from '../../bindings';
import { useNewRepair } from '../../hooks/useNewRepair';
import { NewRepairForm } from './NewRepairForm';

type NewRepairDialogProps = {
  shops: ShopDto[];
  open: boolean;
  onClose: () => void;
  onCreated: (detail: RepairDetailDto) => void;
};

/** Taking an item in, in a dialog sent with `new_repair`; a fresh form every time it opens. */
export function NewRepairDialog({ shops, open, onClose, onCreated }: NewRepairDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const newRepair = useNewRepair();
  const serialRef = useRef<InputRef>(null);
  const close = () => {
    newRepair.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('repairs.new.title')}
      footer={null}
      onCancel={close}
      destroyOnHidden
      width={600}
      // Ready for the scanner: the dialog focuses itself while opening, so the serial takes the focus back after.
      afterOpenChange={(opened) => opened && serialRef.current?.focus()}
    >
      <NewRepairForm
        shops={shops}
        serialRef={serialRef}
        submitting={newRepair.isPending}
        error={newRepair.error}
        onCancel={close}
        onSubmit={(input) =>
          newRepair.mutate(input, {
            onSuccess: (detail) => {
              void message.success(t('repairs.new.created', { number: detail.repair.number }));
              close();
              onCreated(detail);
            },
          })
        }
      />
    </Modal>
  );
}
