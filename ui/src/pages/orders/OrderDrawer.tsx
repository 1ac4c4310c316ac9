import { Drawer, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseType } from '../../bindings';
import type { NewCaseStart } from '../../components/cases/NewCaseForm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrderDetail } from '../../components/OrderDetail';
import { useOrder } from '../../hooks/useOrder';
import { CaseDrawer } from '../cases/CaseDrawer';
import { NewCaseDialog } from '../cases/NewCaseDialog';
import { DeliveryMethodSelect } from './DeliveryMethodSelect';
import { OrderEligibility } from './OrderEligibility';

type OrderDrawerProps = {
  /** The order shown; kept while the drawer closes so it does not go blank mid-animation. */
  orderId: number | null;
  open: boolean;
  onClose: () => void;
};

/**
 * The detail of one order, fetched fresh when it opens, with what after-sales each line allows; After-sales on a
 * line opens the new-case form for it, and the case opened shows on top.
 */
export function OrderDrawer({ orderId, open, onClose }: OrderDrawerProps) {
  const { t } = useTranslation();
  const order = useOrder(orderId);
  const [caseType, setCaseType] = useState<CaseType>('return_refund');
  const [newCase, setNewCase] = useState<{ open: boolean; start: NewCaseStart | null }>({ open: false, start: null });
  const [caseDrawer, setCaseDrawer] = useState<{ open: boolean; caseId: number | null }>({ open: false, caseId: null });
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={760}
      title={order.data ? t('order.title', { number: order.data.number }) : null}
    >
      {order.data ? (
        <OrderDetail
          order={order.data}
          onAfterSales={(line) => order.data && setNewCase({ open: true, start: { kind: 'order', order: order.data, line } })}
          deliveryMethod={<DeliveryMethodSelect order={order.data} />}
          afterLines={
            open && order.data.lines.length > 0 ? (
              <OrderEligibility order={order.data} caseType={caseType} onCaseTypeChange={setCaseType} />
            ) : null
          }
        />
      ) : order.error ? (
        <ErrorAlert error={order.error} />
      ) : (
        <Skeleton active />
      )}
      <NewCaseDialog
        start={newCase.start}
        open={newCase.open}
        defaultType={caseType}
        onClose={() => setNewCase((current) => ({ ...current, open: false }))}
        onCreated={(detail) => setCaseDrawer({ open: true, caseId: detail.case.id })}
      />
      <CaseDrawer
        caseId={caseDrawer.caseId}
        open={caseDrawer.open}
        onClose={() => setCaseDrawer((current) => ({ ...current, open: false }))}
      />
    </Drawer>
  );
}
