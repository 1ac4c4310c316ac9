import { App, Modal, type InputRef } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepairDetailDto, ShopDto } from '../../bindings';
import { useNewRepair } from '../../hooks/useNewRepair';
import { NewRepairForm, type TextAreaRef } from './NewRepairForm';
import type { RepairOrigin } from './repairOrigin';

type NewRepairDialogProps = {
  /** The shops to choose from; not needed with an origin, which fixes the shop. */
  shops?: ShopDto[];
  /** The unit or case the ticket is started from; kept while the dialog closes so it does not change mid-animation. */
  origin?: RepairOrigin | null;
  open: boolean;
  onClose: () => void;
  onCreated: (detail: RepairDetailDto) => void;
};

/** Taking an item in, in a dialog sent with `new_repair`; a fresh form every time it opens. */
export function NewRepairDialog({ shops = [], origin = null, open, onClose, onCreated }: NewRepairDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const newRepair = useNewRepair();
  const serialRef = useRef<InputRef>(null);
  const faultRef = useRef<TextAreaRef>(null);
  const close = () => {
    newRepair.reset();
    onClose();
  };
  const title =
    origin === null
      ? t('repairs.new.title')
      : origin.kind === 'unit'
        ? t('repairs.new.titleUnit', { title: origin.unit.title })
        : t('repairs.new.titleCase', { id: origin.caseId });
  return (
    <Modal
      open={open}
      title={title}
      footer={null}
      onCancel={close}
      destroyOnHidden
      width={600}
      // Ready for the scanner: the dialog focuses itself while opening, so the serial takes the focus back after (the
      // fault when the item is already known).
      afterOpenChange={(opened) => opened && (serialRef.current ?? faultRef.current)?.focus()}
    >
      <NewRepairForm
        shops={shops}
        origin={origin}
        serialRef={serialRef}
        faultRef={faultRef}
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
