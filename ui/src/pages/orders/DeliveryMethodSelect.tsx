import { Flex, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDto } from '../../bindings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSetDeliveryMethod } from '../../hooks/useSetDeliveryMethod';

const CHOICES = ['ship', 'pickup'] as const;
type Choice = (typeof CHOICES)[number];

/**
 * How the order's goods reach the buyer, settable by the merchant: shipped, or picked up at the store (自提),
 * which takes no online return. An order the platform said nothing about shows the placeholder; who said it
 * shows beside it (the merchant's word survives later syncs).
 */
export function DeliveryMethodSelect({ order }: { order: OrderDto }) {
  const { t } = useTranslation();
  const setMethod = useSetDeliveryMethod();
  const pending = setMethod.isPending ? setMethod.variables.method : null;
  const current = pending ?? order.delivery_method;
  return (
    <Flex vertical gap={4}>
      <Flex gap="small" align="center" wrap>
        <Select<Choice>
          data-testid="delivery-method-select"
          size="small"
          style={{ width: 200 }}
          aria-label={t('order.deliveryMethod')}
          placeholder={t('order.delivery.unknown')}
          value={current === 'unknown' ? undefined : (current as Choice)}
          loading={setMethod.isPending}
          disabled={setMethod.isPending}
          onChange={(method) => setMethod.mutate({ order_id: order.id, method })}
          options={CHOICES.map((value) => ({ value, label: t(`order.delivery.${value}`) }))}
        />
        {order.delivery_method !== 'unknown' && (
          <Tag data-testid="delivery-method-source" data-source={order.delivery_method_source} style={{ marginInlineEnd: 0 }}>
            {t(`order.deliverySource.${order.delivery_method_source}`)}
          </Tag>
        )}
      </Flex>
      {setMethod.error !== null && <ErrorAlert error={setMethod.error} />}
    </Flex>
  );
}
