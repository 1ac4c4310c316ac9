import { Drawer, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrderDetail } from '../../components/OrderDetail';
import { useOrder } from '../../hooks/useOrder';

type OrderDrawerProps = {
  /** The order shown; kept while the drawer closes so it does not go blank mid-animation. */
  orderId: number | null;
  open: boolean;
  onClose: () => void;
};

/** The detail of one order, fetched fresh when it opens. */
export function OrderDrawer({ orderId, open, onClose }: OrderDrawerProps) {
  const { t } = useTranslation();
  const order = useOrder(orderId);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={760}
      title={order.data ? t('order.title', { number: order.data.number }) : null}
    >
      {order.data ? (
        <OrderDetail order={order.data} />
      ) : order.error ? (
        <ErrorAlert error={order.error} />
      ) : (
        <Skeleton active />
      )}
    </Drawer>
  );
}
