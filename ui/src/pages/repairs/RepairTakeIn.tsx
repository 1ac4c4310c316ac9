import { useState } from 'react';
import { NewRepairDialog } from './NewRepairDialog';
import { RepairDrawer } from './RepairDrawer';
import type { RepairOrigin } from './repairOrigin';

type RepairTakeInProps = {
  /** The unit or case the ticket is started from; kept while the dialog closes. */
  origin: RepairOrigin | null;
  open: boolean;
  onClose: () => void;
};

/**
 * Taking an item in from outside the Repairs page (a warranty unit, a case): the new-ticket dialog, then the ticket
 * it made, opened on top so the merchant carries on with photos and parts there.
 */
export function RepairTakeIn({ origin, open, onClose }: RepairTakeInProps) {
  const [ticket, setTicket] = useState<{ open: boolean; repairId: number | null }>({ open: false, repairId: null });
  return (
    <>
      <NewRepairDialog
        origin={origin}
        open={open}
        onClose={onClose}
        onCreated={(detail) => setTicket({ open: true, repairId: detail.repair.id })}
      />
      <RepairDrawer repairId={ticket.repairId} open={ticket.open} onClose={() => setTicket((current) => ({ ...current, open: false }))} />
    </>
  );
}
