import { App, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompensationDto } from '../../bindings';
import { CompensationForm, type CompensationStart } from '../../components/compensation/CompensationForm';
import { useAddCompensation } from '../../hooks/useAddCompensation';

type CompensationFormModalProps = {
  /** Where the entry is added; kept while the dialog closes so it does not change mid-animation. */
  start: CompensationStart | null;
  open: boolean;
  onClose: () => void;
  onAdded?: (added: CompensationDto) => void;
};

/** A compensation entry in a dialog, sent with `add_compensation`; a fresh form every time, the error stays in it. */
export function CompensationFormModal({ start, open, onClose, onAdded }: CompensationFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const addCompensation = useAddCompensation();
  const close = () => {
    addCompensation.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={start?.kind === 'case' ? t('compensation.addTitleForCase', { id: start.caseId }) : t('compensation.addTitle')}
      footer={null}
      onCancel={close}
      destroyOnHidden
      width={600}
    >
      {start !== null && (
        <CompensationForm
          start={start}
          submitting={addCompensation.isPending}
          error={addCompensation.error}
          onCancel={close}
          onSubmit={(input) =>
            addCompensation.mutate(input, {
              onSuccess: (added) => {
                void message.success(t('compensation.added'));
                close();
                onAdded?.(added);
              },
            })
          }
        />
      )}
    </Modal>
  );
}
