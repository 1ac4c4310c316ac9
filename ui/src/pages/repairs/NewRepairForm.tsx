import { Button, DatePicker, Flex, Form, Input, Select, type InputRef } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, NewRepairInput, ShopDto } from '../../bindings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { text } from './text';

export type NewRepairFormProps = {
  shops: ShopDto[];
  submitting: boolean;
  error: ApiError | null;
  onSubmit: (input: NewRepairInput) => void;
  onCancel: () => void;
  /** The serial field, for the dialog to focus once it has opened (the dialog takes the focus while it opens). */
  serialRef?: RefObject<InputRef | null>;
};

type Values = {
  shop_id: number;
  serial?: string;
  order?: string;
  customer_name?: string;
  customer_phone?: string;
  product?: string;
  fault?: string;
  promised?: Dayjs | null;
  technician?: string;
};

/**
 * Barcode scanners type the code and then press Enter: Enter in a scanned field moves to the next field instead of
 * sending a half-filled form.
 */
function moveOnEnter(next: RefObject<InputRef | null>) {
  return (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      next.current?.focus();
    }
  };
}

/**
 * Taking an item in for repair. The serial (typed or scanned) finds the warranty unit, and through it the order,
 * customer and product; without one the order number or the typed customer and product stand in.
 */
export function NewRepairForm({ shops, submitting, error, onSubmit, onCancel, serialRef }: NewRepairFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const orderRef = useRef<InputRef>(null);
  const customerRef = useRef<InputRef>(null);
  const finish = (values: Values) =>
    onSubmit({
      shop_id: values.shop_id,
      unit_id: null,
      serial: text(values.serial),
      order: text(values.order),
      case_id: null,
      customer_name: text(values.customer_name),
      customer_phone: text(values.customer_phone),
      product: text(values.product),
      fault: values.fault?.trim() ?? '',
      intake_at: null,
      promised_at: values.promised ? values.promised.toISOString() : null,
      technician: text(values.technician),
    });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark="optional"
      initialValues={{ shop_id: shops[0]?.id }}
      onFinish={finish}
      data-testid="repair-new-form"
    >
      <Form.Item name="shop_id" label={t('repairs.field.shop')} hidden={shops.length < 2} rules={[{ required: true }]}>
        <Select<number> options={shops.map((shop) => ({ value: shop.id, label: shop.name }))} />
      </Form.Item>
      <Form.Item name="serial" label={t('repairs.field.serial')} extra={t('repairs.new.serialHelp')}>
        <Input ref={serialRef} autoFocus autoComplete="off" onKeyDown={moveOnEnter(orderRef)} data-testid="repair-new-serial" />
      </Form.Item>
      <Form.Item name="order" label={t('repairs.field.order')} extra={t('repairs.new.orderHelp')}>
        <Input ref={orderRef} autoComplete="off" onKeyDown={moveOnEnter(customerRef)} />
      </Form.Item>
      <Flex gap="small">
        <Form.Item name="customer_name" label={t('repairs.field.customer')} style={{ flex: 1 }}>
          <Input ref={customerRef} />
        </Form.Item>
        <Form.Item name="customer_phone" label={t('repairs.field.phone')} style={{ flex: 1 }}>
          <Input inputMode="tel" />
        </Form.Item>
      </Flex>
      <Form.Item name="product" label={t('repairs.field.product')} extra={t('repairs.new.productHelp')}>
        <Input />
      </Form.Item>
      <Form.Item
        name="fault"
        label={t('repairs.field.fault')}
        rules={[{ required: true, whitespace: true, message: t('repairs.new.faultRequired') }]}
      >
        <Input.TextArea rows={3} placeholder={t('repairs.new.faultPlaceholder')} data-testid="repair-new-fault" />
      </Form.Item>
      <Flex gap="small">
        <Form.Item name="promised" label={t('repairs.field.promised')} style={{ flex: 1 }}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="technician" label={t('repairs.field.technician')} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
      </Flex>
      {error !== null && (
        <Form.Item>
          <ErrorAlert error={error} />
        </Form.Item>
      )}
      <Flex justify="end" gap="small">
        <Button onClick={onCancel}>{t('app.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="repair-new-submit">
          {t('repairs.new.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
