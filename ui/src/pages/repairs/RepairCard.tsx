import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairSummaryDto } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';
import { PayerTag } from './PayerTag';

/** One ticket on the board: number, product, customer, serial, the promised day (red once overdue) and who pays. */
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
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="center" gap={6} wrap>
          <Typography.Text strong>{repair.number}</Typography.Text>
          <PayerTag payer={repair.payer} />
        </Flex>
        <Typography.Text ellipsis={{ tooltip: repair.product }}>{repair.product}</Typography.Text>
        <Typography.Text type="secondary">{repair.customer_name}</Typography.Text>
        {repair.serial !== null && (
          <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
            {repair.serial}
          </Typography.Text>
        )}
        {repair.promised_at !== null && (
          <Flex gap={4} align="center" wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('repairs.card.promised', { date: format.date(repair.promised_at) })}
            </Typography.Text>
            {repair.overdue && (
              <Tag color="red" data-testid="repair-overdue">
                {t('repairs.overdue')}
              </Tag>
            )}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
