import { App, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseAction, CaseDetailDto } from '../../bindings';
import { CaseActionForm, type ActionFields } from '../../components/cases/CaseActionForm';
import { useActCase } from '../../hooks/useActCase';

type CaseActionDialogProps = {
  detail: CaseDetailDto;
  /** The action being confirmed; kept while the dialog closes so it does not change mid-animation. */
  action: CaseAction | null;
  open: boolean;
  onClose: () => void;
};

/** One action on a case: its small form in a dialog, sent with `act_case`; the error stays in the dialog. */
export function CaseActionDialog({ detail, action, open, onClose }: CaseActionDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actCase = useActCase();
  const { case: summary } = detail;
  const close = () => {
    actCase.reset();
    onClose();
  };
  const submit = (chosen: CaseAction, fields: ActionFields) =>
    actCase.mutate(
      { case_id: summary.id, action: chosen, at: null, ...fields },
      {
        onSuccess: () => {
          void message.success(t('action.done', { action: t(`caseAction.${chosen}`), id: summary.id }));
          close();
        },
      },
    );
  const quantity = detail.lines.reduce((total, line) => total + line.quantity, 0);
  return (
    <Modal
      open={open}
      title={action === null ? null : t('action.title', { action: t(`caseAction.${action}`), id: summary.id })}
      footer={null}
      onCancel={close}
      destroyOnHidden
      width={480}
    >
      {action !== null && (
        <CaseActionForm
          key={action}
          action={action}
          requested={summary.requested}
          currency={summary.currency}
          maxDamaged={detail.lines.length > 0 ? quantity : null}
          submitting={actCase.isPending}
          error={actCase.error}
          onSubmit={(fields) => submit(action, fields)}
          onCancel={close}
        />
      )}
    </Modal>
  );
}
