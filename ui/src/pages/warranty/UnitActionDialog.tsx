import { App, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WarrantyUnitDto } from '../../bindings';
import { ReplaceForm } from '../../components/warranty/ReplaceForm';
import { SerialForm } from '../../components/warranty/SerialForm';
import type { UnitAction } from '../../components/warranty/UnitActionButtons';
import { VoidForm } from '../../components/warranty/VoidForm';
import { useReplaceUnit } from '../../hooks/useReplaceUnit';
import { useSetUnitSerial } from '../../hooks/useSetUnitSerial';
import { useVoidUnit } from '../../hooks/useVoidUnit';

/** The actions done in this dialog; taking a unit in for repair has a dialog of its own. */
export type UnitActionTarget = { unit: WarrantyUnitDto; action: Exclude<UnitAction, 'repair'> };

type UnitActionDialogProps = {
  /** Kept while the dialog closes so it does not change mid-animation. */
  target: UnitActionTarget | null;
  open: boolean;
  onClose: () => void;
};

const TITLES = { serial: 'warranty.action.setSerialTitle', replace: 'warranty.action.replaceTitle', void: 'warranty.action.voidTitle' } as const;

/** Set a unit's serial, replace it or void it, in a dialog; the error stays in the dialog, lookups and tables refresh. */
export function UnitActionDialog({ target, open, onClose }: UnitActionDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setSerial = useSetUnitSerial();
  const replace = useReplaceUnit();
  const voidUnit = useVoidUnit();
  const close = () => {
    setSerial.reset();
    replace.reset();
    voidUnit.reset();
    onClose();
  };
  const done = (text: string) => {
    void message.success(text);
    close();
  };
  const form = (() => {
    if (target === null) {
      return null;
    }
    const { unit, action } = target;
    switch (action) {
      case 'serial':
        return (
          <SerialForm
            unit={unit}
            submitting={setSerial.isPending}
            error={setSerial.error}
            onCancel={close}
            onSubmit={(serial) =>
              setSerial.mutate(
                { unit_id: unit.id, serial },
                { onSuccess: () => done(serial === '' ? t('warranty.action.serialCleared') : t('warranty.action.serialSaved')) },
              )
            }
          />
        );
      case 'replace':
        return (
          <ReplaceForm
            unit={unit}
            submitting={replace.isPending}
            error={replace.error}
            onCancel={close}
            onSubmit={(input) =>
              replace.mutate(input, { onSuccess: (created) => done(t('warranty.action.replaced', { serial: created.serial ?? input.new_serial })) })
            }
          />
        );
      case 'void':
        return (
          <VoidForm
            submitting={voidUnit.isPending}
            error={voidUnit.error}
            onCancel={close}
            onSubmit={(note) => voidUnit.mutate({ unit_id: unit.id, note }, { onSuccess: () => done(t('warranty.action.voided')) })}
          />
        );
    }
  })();
  return (
    <Modal
      open={open}
      title={target === null ? null : t(TITLES[target.action], { title: target.unit.title })}
      footer={null}
      onCancel={close}
      destroyOnHidden
      width={480}
    >
      {form}
    </Modal>
  );
}
