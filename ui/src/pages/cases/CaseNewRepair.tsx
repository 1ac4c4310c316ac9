import { ToolOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummaryDto } from '../../bindings';
import { RepairTakeIn } from '../repairs/RepairTakeIn';

/**
 * Opening a repair ticket from a case (a buyer's faulty item comes in for repair instead of a refund): the ticket
 * carries the case and the engine takes the case's order, so only the fault is asked. The new ticket opens on top.
 */
export function CaseNewRepair({ summary }: { summary: CaseSummaryDto }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Button icon={<ToolOutlined />} onClick={() => setCreating(true)} data-testid="case-new-repair">
        {t('case.newRepair')}
      </Button>
      <RepairTakeIn
        origin={{ kind: 'case', caseId: summary.id, shopId: summary.shop_id, orderNumber: summary.order_number }}
        open={creating}
        onClose={() => setCreating(false)}
      />
    </>
  );
}
