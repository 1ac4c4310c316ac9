import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairDetailDto } from '../../bindings';
import { DASH } from '../../components/dash';
import { DateTime } from '../../components/DateTime';

/** Who brought what in, from which shop and order, when, and the fault as the customer reported it. */
export function RepairFacts({ detail }: { detail: RepairDetailDto }) {
  const { t } = useTranslation();
  const { repair } = detail;
  return (
    <Descriptions size="small" bordered column={2} data-testid="repair-facts">
      <Descriptions.Item label={t('repairs.field.customer')}>{repair.customer_name}</Descriptions.Item>
      <Descriptions.Item label={t('repairs.field.phone')}>{repair.customer_phone ?? DASH}</Descriptions.Item>
      <Descriptions.Item label={t('repairs.field.product')}>{repair.product}</Descriptions.Item>
      <Descriptions.Item label={t('repairs.field.serial')}>
        {repair.serial === null ? DASH : <Typography.Text copyable>{repair.serial}</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t('repairs.field.shop')}>{repair.shop}</Descriptions.Item>
      <Descriptions.Item label={t('repairs.field.order')}>{repair.order_number ?? DASH}</Descriptions.Item>
      <Descriptions.Item label={t('repairs.field.case')}>
        {repair.case_id === null ? DASH : t('repairs.caseNumber', { id: repair.case_id })}
      </Descriptions.Item>
      <Descriptions.Item label={t('repairs.field.intake')}>
        <DateTime value={repair.intake_at} />
      </Descriptions.Item>
      <Descriptions.Item label={t('repairs.field.promised')}>
        <DateTime value={repair.promised_at} />
      </Descriptions.Item>
      <Descriptions.Item label={t('repairs.field.returned')}>
        <DateTime value={repair.returned_at} />
      </Descriptions.Item>
      <Descriptions.Item label={t('repairs.field.fault')} span={2}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{detail.fault}</Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}
