import { App, Button, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairDetailDto } from '../../bindings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useUpdateRepair } from '../../hooks/useUpdateRepair';
import { PAYERS } from './repairStatuses';
import { repairChanges, workValuesOf, type RepairWorkValues } from './repairChanges';
import { isAmount } from './text';

/**
 * What the workshop fills in as it goes: the diagnosis, who works on it, labour, the promised date, the customer's
 * phone, and who pays (the engine's choice from the warranty can be overridden, e.g. goodwill).
 */
export function RepairWorkForm({ detail }: { detail: RepairDetailDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RepairWorkValues>();
  const update = useUpdateRepair();
  const finish = (values: RepairWorkValues) => {
    const input = repairChanges(detail, values);
    if (input === null) {
      void message.info(t('repairs.work.unchanged'));
      return;
    }
    update.mutate(input, {
      onSuccess: (saved) => {
        // The engine's own spelling (trimmed, "45" → "45.00") becomes what the form shows.
        form.setFieldsValue(workValuesOf(saved));
        void message.success(t('repairs.work.saved'));
      },
    });
  };
  return (
    <Flex vertical gap="small">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('repairs.work.title')}
      </Typography.Title>
      <Form<RepairWorkValues>
        form={form}
        layout="vertical"
        initialValues={workValuesOf(detail)}
        onFinish={finish}
        data-testid="repair-work-form"
      >
        <Form.Item name="diagnosis" label={t('repairs.field.diagnosis')}>
          <Input.TextArea rows={3} placeholder={t('repairs.work.diagnosisPlaceholder')} />
        </Form.Item>
        <Flex gap="small" wrap>
          <Form.Item name="technician" label={t('repairs.field.technician')} style={{ flex: '1 1 180px' }}>
            <Input />
          </Form.Item>
          <Form.Item name="customer_phone" label={t('repairs.field.phone')} style={{ flex: '1 1 180px' }}>
            <Input inputMode="tel" />
          </Form.Item>
        </Flex>
        <Flex gap="small" wrap>
          <Form.Item
            name="labour"
            label={t('repairs.field.labour')}
            style={{ flex: '1 1 140px' }}
            rules={[
              {
                validator: (_, value: string | undefined) =>
                  !value?.trim() || isAmount(value.trim()) ? Promise.resolve() : Promise.reject(new Error(t('repairs.amountInvalid'))),
              },
            ]}
          >
            <Input inputMode="decimal" suffix={detail.repair.currency} data-testid="repair-labour" />
          </Form.Item>
          <Form.Item name="promised" label={t('repairs.field.promised')} style={{ flex: '1 1 200px' }}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="payer" label={t('repairs.field.payer')} style={{ flex: '1 1 160px' }}>
            <Select
              data-testid="repair-payer"
              options={PAYERS.map((payer) => ({ value: payer, label: t(`repairs.payer.${payer}`) }))}
            />
          </Form.Item>
        </Flex>
        {update.error !== null && (
          <Form.Item>
            <ErrorAlert error={update.error} />
          </Form.Item>
        )}
        <Flex justify="end">
          <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="repair-work-save">
            {t('repairs.work.save')}
          </Button>
        </Flex>
      </Form>
    </Flex>
  );
}
