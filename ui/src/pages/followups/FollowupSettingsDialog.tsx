import { Alert, App, Flex, Form, Input, InputNumber, Modal, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowupSettingsDto } from '../../bindings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFollowupSettings } from '../../hooks/useFollowupSettings';
import { useUpdateFollowupSettings } from '../../hooks/useUpdateFollowupSettings';
import { FormFooter } from '../../components/FormFooter';

/** The engine takes up to 90 days. */
const MAX_DELAY_HOURS = 24 * 90;

/**
 * When a follow-up call falls due after a case is resolved or a repair goes back, and what to say. Scripts may name
 * {shop} and {item}; an empty one means the built-in script in the shop's language. Queued calls keep theirs.
 */
export function FollowupSettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useFollowupSettings();
  const update = useUpdateFollowupSettings();
  const close = () => {
    update.reset();
    onClose();
  };
  const finish = (values: FollowupSettingsDto) =>
    update.mutate(
      { ...values, case_script: values.case_script?.trim() ?? '', repair_script: values.repair_script?.trim() ?? '' },
      {
        onSuccess: () => {
          void message.success(t('followups.settings.saved'));
          close();
        },
      },
    );
  const delay = (name: 'case_delay_hours' | 'repair_delay_hours', label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('followups.settings.delayRequired') }]} style={{ flex: 1 }}>
      <InputNumber min={0} max={MAX_DELAY_HOURS} precision={0} suffix={t('followups.settings.hours')} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <Modal open={open} title={t('followups.settings.title')} footer={null} onCancel={close} destroyOnHidden width={640}>
      {settings.data ? (
        <Form<FollowupSettingsDto> layout="vertical" initialValues={settings.data} onFinish={finish} data-testid="followup-settings-form">
          <Flex gap="middle">
            {delay('case_delay_hours', t('followups.settings.caseDelay'))}
            {delay('repair_delay_hours', t('followups.settings.repairDelay'))}
          </Flex>
          <Form.Item>
            <Alert type="info" showIcon message={t('followups.settings.placeholders')} description={t('followups.settings.placeholdersHelp')} />
          </Form.Item>
          <Form.Item name="case_script" label={t('followups.settings.caseScript')}>
            <Input.TextArea rows={3} placeholder={t('followups.settings.builtIn')} />
          </Form.Item>
          <Form.Item name="repair_script" label={t('followups.settings.repairScript')}>
            <Input.TextArea rows={3} placeholder={t('followups.settings.builtIn')} />
          </Form.Item>
          <FormFooter
            error={update.error}
            onCancel={close}
            submitting={update.isPending}
            submitLabel={t('followups.settings.save')}
            testId="followup-settings-save"
          />
        </Form>
      ) : settings.error ? (
        <ErrorAlert error={settings.error} />
      ) : (
        <Skeleton active />
      )}
    </Modal>
  );
}
