import { App, Form, Input, Modal, Radio, Rate, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowupDto, FollowupOutcome } from '../../bindings';
import { useCompleteFollowup } from '../../hooks/useCompleteFollowup';
import { FormFooter } from '../../components/FormFooter';

const OUTCOMES: readonly FollowupOutcome[] = ['reached', 'no_answer', 'declined'];
const SCORES = [1, 2, 3, 4, 5] as const;

type Values = { outcome: FollowupOutcome; csat?: number; note?: string };

type RecordCallDialogProps = {
  /** The call being recorded; kept while the dialog closes so it does not change mid-animation. */
  followup: FollowupDto | null;
  open: boolean;
  onClose: () => void;
};

/**
 * How a follow-up call went: the outcome, the customer's rating (only someone who was reached can give one; the engine
 * refuses it otherwise) and a note; sent with `complete_followup`.
 */
export function RecordCallDialog({ followup, open, onClose }: RecordCallDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const complete = useCompleteFollowup();
  const close = () => {
    complete.reset();
    onClose();
  };
  const submit = (target: FollowupDto, values: Values) => {
    const note = values.note?.trim() ?? '';
    complete.mutate(
      {
        id: target.id,
        outcome: values.outcome,
        // Rate gives 0 when cleared: no rating.
        csat: values.outcome === 'reached' && values.csat ? values.csat : null,
        note: note === '' ? null : note,
        at: null,
      },
      {
        onSuccess: () => {
          void message.success(t('followups.recorded', { subject: target.subject }));
          close();
        },
      },
    );
  };
  return (
    <Modal
      open={open}
      title={followup === null ? null : t('followups.recordTitle', { subject: followup.subject })}
      footer={null}
      onCancel={close}
      destroyOnHidden
      width={520}
    >
      {followup !== null && (
        <Form<Values>
          layout="vertical"
          initialValues={{ outcome: 'reached' }}
          onFinish={(values) => submit(followup, values)}
          data-testid="followup-record-form"
        >
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {followup.script}
          </Typography.Paragraph>
          <Form.Item name="outcome" label={t('followups.outcomeLabel')}>
            <Radio.Group
              optionType="button"
              options={OUTCOMES.map((outcome) => ({ value: outcome, label: t(`followups.outcome.${outcome}`) }))}
            />
          </Form.Item>
          <Form.Item noStyle dependencies={['outcome']}>
            {({ getFieldValue }) =>
              getFieldValue('outcome') === 'reached' && (
                <Form.Item name="csat" label={t('followups.csat')} extra={t('followups.csatHelp')}>
                  <Rate tooltips={SCORES.map((score) => t(`followups.csatScore.${score}`))} data-testid="followup-csat" />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="note" label={t('followups.note')}>
            <Input.TextArea rows={3} placeholder={t('followups.notePlaceholder')} />
          </Form.Item>
          <FormFooter
            error={complete.error}
            onCancel={close}
            submitting={complete.isPending}
            submitLabel={t('followups.save')}
            testId="followup-save"
          />
        </Form>
      )}
    </Modal>
  );
}
