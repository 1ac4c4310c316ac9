import { AutoComplete } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWarrantyLookup } from '../../hooks/useWarrantyLookup';

type OrderProductInputProps = {
  shopId: number;
  orderNumber: string;
  /** Set by the enclosing Form.Item (the id ties its label to the input). */
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
};

/**
 * The product field when the ticket comes from a case: the products the ledger holds for the case's order are offered,
 * so that when the order sold several (the engine cannot tell which came in) the merchant picks one instead of typing.
 * Anything else can still be typed.
 */
export function OrderProductInput({ shopId, orderNumber, id, value, onChange }: OrderProductInputProps) {
  const { t } = useTranslation();
  const units = useWarrantyLookup({ serial: null, order: orderNumber, phone: null, at: null });
  // A replaced or voided unit is no longer the buyer's item; the same order number may exist in another shop.
  const titles = [
    ...new Set(
      (units.data?.units ?? [])
        .filter((unit) => unit.shop_id === shopId && (unit.status === 'in' || unit.status === 'out'))
        .map((unit) => unit.title),
    ),
  ];
  return (
    <AutoComplete
      id={id}
      value={value}
      onChange={onChange}
      options={titles.map((title) => ({ value: title }))}
      placeholder={titles.length > 1 ? t('repairs.new.productPick') : undefined}
      data-testid="repair-new-product"
    />
  );
}
