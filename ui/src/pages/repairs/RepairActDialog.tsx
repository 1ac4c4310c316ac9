import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairStatus, RepairSummaryDto } from '../../bindings';
import { useRepairAct } from '../../hooks/useRepairAct';
import { text } from './text';
import { FormFooter } from '../../components/FormFooter';

type RepairActDialogProps = {
  repair: RepairSummaryDto;
  /** The status being confirmed; kept while the dialog closes so it does not change mid-animation. */
  status: RepairStatus | null;
  open: boolean;
  onClose: () => void;
};

/** Moving a ticket to a status, with an optional note for the timeline; sent with `repair_act`, errors stay here. */
export function RepairActDialog({ repair, status, open, onClose }: RepairActDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useRepairAct();
  const close = () => {
    act.reset();
    onClose();
  };
  const submit = (chosen: RepairStatus, note: string | undefined) =>
    act.mutate(
      { id: repair.id, status: chosen, at: null, note: text(note) },
      {
        onSuccess: () => {
          void message.success(t('repairs.act.done', { number: repair.number, status: t(`repairs.status.${chosen}`) }));
          close();
        },
      },
    );
  return (
    <Modal
      open={open}
      title={status === null ? null : t('repairs.act.title', { number: repair.number, status: t(`repairs.status.${status}`) })}
      footer={null}
      onCancel={close}
      destroyOnHidden
      width={460}
    >
      {status !== null && (
        <Form<{ note?: string }> layout="vertical" onFinish={(values) => submit(status, values.note)} data-testid="repair-act-form">
          <Form.Item name="note" label={t('repairs.act.note')}>
            <Input.TextArea rows={3} autoFocus placeholder={t(status === 'returned' ? 'repairs.act.noteReturned' : 'repairs.act.notePlaceholder')} />
          </Form.Item>
          <FormFooter
            error={act.error}
            onCancel={close}
            submitting={act.isPending}
            submitLabel={t('repairs.act.submit')}
            danger={status === 'unrepairable'}
            testId="repair-act-submit"
          />
        </Form>
      )}
    </Modal>
  );
}
