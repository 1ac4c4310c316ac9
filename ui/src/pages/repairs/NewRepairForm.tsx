import { DatePicker, Flex, Form, Input, Select, type GetRef, type InputRef } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, NewRepairInput, ShopDto } from '../../bindings';
import { OrderProductInput } from './OrderProductInput';
import { originShopId, type RepairOrigin } from './repairOrigin';
import { RepairOriginFacts } from './RepairOriginFacts';
import { text } from './text';
import { FormFooter } from '../../components/FormFooter';

export type TextAreaRef = GetRef<typeof Input.TextArea>;

export type NewRepairFormProps = {
  /** The shops to choose from; not asked when the origin fixes the shop. */
  shops: ShopDto[];
  /** A unit or a case the ticket is started from: sent as `unit_id` or `case_id`, and shown instead of asked. */
  origin?: RepairOrigin | null;
  submitting: boolean;
  error: ApiError | null;
  onSubmit: (input: NewRepairInput) => void;
  onCancel: () => void;
  /** The serial field, for the dialog to focus once it has opened (the dialog takes the focus while it opens). */
  serialRef?: RefObject<InputRef | null>;
  /** The fault, focused instead when the item is already known (no serial to scan). */
  faultRef?: RefObject<TextAreaRef | null>;
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
 * The engine's answer when an order sold several products and nothing says which one came in: its field is the unit,
 * which the merchant settles by naming the product (or scanning the serial).
 */
function isWhichProduct(error: ApiError): boolean {
  return error.code === 'validation' && error.message.startsWith('unit_id:');
}

/**
 * Taking an item in for repair. The serial (typed or scanned) finds the warranty unit, and through it the order,
 * customer and product; without one the order number or the typed customer and product stand in. Started from a
 * unit, the item is known and only the fault is asked; started from a case, the case's order stands in.
 */
export function NewRepairForm({ shops, origin = null, submitting, error, onSubmit, onCancel, serialRef, faultRef }: NewRepairFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const orderRef = useRef<InputRef>(null);
  const customerRef = useRef<InputRef>(null);
  const unit = origin?.kind === 'unit' ? origin.unit : null;
  const fromCase = origin?.kind === 'case' ? origin : null;
  const finish = (values: Values) =>
    onSubmit({
      shop_id: origin === null ? values.shop_id : originShopId(origin),
      unit_id: unit?.id ?? null,
      serial: unit === null ? text(values.serial) : null,
      // From a case the engine takes the case's order.
      order: origin === null ? text(values.order) : null,
      case_id: fromCase?.caseId ?? null,
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
      initialValues={{ shop_id: origin === null ? shops[0]?.id : originShopId(origin) }}
      onFinish={finish}
      data-testid="repair-new-form"
      data-origin={origin?.kind ?? 'none'}
    >
      {origin !== null && (
        <Form.Item>
          <RepairOriginFacts origin={origin} />
        </Form.Item>
      )}
      {origin === null && (
        <Form.Item name="shop_id" label={t('repairs.field.shop')} hidden={shops.length < 2} rules={[{ required: true }]}>
          <Select<number> options={shops.map((shop) => ({ value: shop.id, label: shop.name }))} />
        </Form.Item>
      )}
      {unit === null && (
        <Form.Item name="serial" label={t('repairs.field.serial')} extra={t('repairs.new.serialHelp')}>
          <Input
            ref={serialRef}
            autoFocus
            autoComplete="off"
            onKeyDown={moveOnEnter(origin === null ? orderRef : customerRef)}
            data-testid="repair-new-serial"
          />
        </Form.Item>
      )}
      {origin === null && (
        <Form.Item name="order" label={t('repairs.field.order')} extra={t('repairs.new.orderHelp')}>
          <Input ref={orderRef} autoComplete="off" onKeyDown={moveOnEnter(customerRef)} />
        </Form.Item>
      )}
      <Flex gap="small">
        <Form.Item name="customer_name" label={t('repairs.field.customer')} style={{ flex: 1 }}>
          <Input ref={customerRef} placeholder={unit?.buyer_name ?? undefined} />
        </Form.Item>
        <Form.Item name="customer_phone" label={t('repairs.field.phone')} style={{ flex: 1 }}>
          <Input inputMode="tel" placeholder={unit?.buyer_phone ?? undefined} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="product"
        label={t('repairs.field.product')}
        extra={t(unit === null ? 'repairs.new.productHelp' : 'repairs.new.productHelpUnit')}
      >
        {fromCase !== null && fromCase.orderNumber !== null ? (
          <OrderProductInput shopId={fromCase.shopId} orderNumber={fromCase.orderNumber} />
        ) : (
          <Input placeholder={unit?.title} data-testid="repair-new-product" />
        )}
      </Form.Item>
      <Form.Item
        name="fault"
        label={t('repairs.field.fault')}
        rules={[{ required: true, whitespace: true, message: t('repairs.new.faultRequired') }]}
      >
        <Input.TextArea
          ref={faultRef}
          autoFocus={unit !== null}
          rows={3}
          placeholder={t('repairs.new.faultPlaceholder')}
          data-testid="repair-new-fault"
        />
      </Form.Item>
      <Flex gap="small">
        <Form.Item name="promised" label={t('repairs.field.promised')} style={{ flex: 1 }}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="technician" label={t('repairs.field.technician')} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
      </Flex>
      <FormFooter
        error={error}
        hint={error !== null && isWhichProduct(error) ? t('repairs.new.whichProduct') : null}
        onCancel={onCancel}
        submitting={submitting}
        submitLabel={t('repairs.new.submit')}
        testId="repair-new-submit"
      />
    </Form>
  );
}
