import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairSummaryDto } from '../../bindings';
import { Code, Muted, Stack } from '../../components/Cell';
import { useFormat } from '../../i18n/useFormat';
import { PayerTag } from './PayerTag';

/**
 * One ticket on the board: number, product, customer, serial, the promised day (red once overdue) and who pays.
 * Plain elements inside the card: a board shows dozens (see components/Cell.tsx).
 */
export function RepairCard({ repair, onOpen }: { repair: RepairSummaryDto; onOpen: (repair: RepairSummaryDto) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card
      size="small"
      hoverable
      data-testid={`repair-card-${repair.number}`}
      data-repair-id={repair.id}
      onClick={() => onOpen(repair)}
      styles={{ body: { padding: 10 } }}
    >
      <Stack style={{ gap: 4 }}>
        <div className="spread">
          <strong>{repair.number}</strong>
          <PayerTag payer={repair.payer} />
        </div>
        <span className="ellipsis" title={repair.product}>
          {repair.product}
        </span>
        <Muted>{repair.customer_name}</Muted>
        {repair.serial !== null && (
          <span className="small">
            <Code>{repair.serial}</Code>
          </span>
        )}
        {repair.promised_at !== null && (
          <Stack inline style={{ gap: 4, alignItems: 'center' }}>
            <span className="muted small">{t('repairs.card.promised', { date: format.date(repair.promised_at) })}</span>
            {repair.overdue && (
              <Tag color="red" data-testid="repair-overdue">
                {t('repairs.overdue')}
              </Tag>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
