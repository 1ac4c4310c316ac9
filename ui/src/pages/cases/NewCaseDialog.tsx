import { App, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetailDto, CaseType } from '../../bindings';
import { NewCaseForm, type NewCaseStart } from '../../components/cases/NewCaseForm';
import { useNewCase } from '../../hooks/useNewCase';
import { useReasons } from '../../hooks/useReasons';

type NewCaseDialogProps = {
  /** Where the case starts; kept while the dialog closes so it does not change mid-animation. */
  start: NewCaseStart | null;
  open: boolean;
  defaultType?: CaseType;
  onClose: () => void;
  onCreated: (detail: CaseDetailDto) => void;
};

/** A new case in a dialog, sent with `new_case`; a fresh form every time it opens. */
export function NewCaseDialog({ start, open, defaultType = 'return_refund', onClose, onCreated }: NewCaseDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const newCase = useNewCase();
  const reasons = useReasons();
  const close = () => {
    newCase.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={start?.kind === 'order' ? t('newCase.titleFromOrder', { number: start.order.number }) : t('newCase.title')}
      footer={null}
      onCancel={close}
      destroyOnHidden
      width={560}
    >
      {start !== null && (
        <NewCaseForm
          start={start}
          defaultType={defaultType}
          reasons={reasons.data ?? []}
          reasonsLoading={reasons.isLoading}
          submitting={newCase.isPending}
          error={newCase.error}
          onCancel={close}
          onSubmit={(input) =>
            newCase.mutate(input, {
              onSuccess: (detail) => {
                void message.success(t('newCase.created', { id: detail.case.id }));
                close();
                onCreated(detail);
              },
            })
          }
        />
      )}
    </Modal>
  );
}
