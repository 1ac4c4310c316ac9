import { useTranslation } from 'react-i18next';

/** Every field a profile can map, of either kind of list. */
const FIELDS = [
  'request_id',
  'order_id',
  'type',
  'status',
  'amount',
  'created',
  'updated',
  'paid',
  'shipped',
  'delivered',
  'reason',
  'total',
  'buyer_name',
  'buyer_phone',
  'address',
  'sku',
  'title',
  'quantity',
  'price',
  'line_total',
  'delivery_method',
  'deadline',
] as const;
type Field = (typeof FIELDS)[number];

function isField(value: string): value is Field {
  return FIELDS.some((field) => field === value);
}

/** A field's name in the current language; one a newer engine added is shown as the engine names it. */
export function useFieldLabel() {
  const { t } = useTranslation();
  return (field: string) => (isField(field) ? t(`import.field.${field}`) : field);
}
