import { Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DASH } from '../../components/dash';
import { UnitCover } from '../../components/warranty/UnitCover';
import { UnitSerial } from '../../components/warranty/UnitSerial';
import { UnitStatusTag } from '../../components/warranty/UnitStatusTag';
import type { RepairOrigin } from './repairOrigin';

/**
 * What the new ticket is already tied to, shown above the form so the merchant sees which item (or which case's
 * order) it will be about instead of typing it: the unit's product, serial and warranty, or the case and its order.
 */
export function RepairOriginFacts({ origin }: { origin: RepairOrigin }) {
  const { t } = useTranslation();
  if (origin.kind === 'case') {
    return (
      <Descriptions size="small" bordered column={2} data-testid="repair-new-origin" data-origin="case">
        <Descriptions.Item label={t('repairs.field.case')}>{t('repairs.caseNumber', { id: origin.caseId })}</Descriptions.Item>
        <Descriptions.Item label={t('repairs.field.order')}>
          <span data-testid="repair-new-order">{origin.orderNumber ?? DASH}</span>
        </Descriptions.Item>
      </Descriptions>
    );
  }
  const { unit } = origin;
  return (
    <Descriptions size="small" bordered column={2} data-testid="repair-new-origin" data-origin="unit">
      <Descriptions.Item label={t('repairs.field.product')} span={2}>
        <Flex gap="small" wrap>
          <span>{unit.title}</span>
          {unit.sku !== null && <Typography.Text type="secondary">{unit.sku}</Typography.Text>}
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label={t('repairs.field.serial')}>
        <UnitSerial serial={unit.serial} />
      </Descriptions.Item>
      <Descriptions.Item label={t('repairs.field.order')}>{unit.order_number ?? DASH}</Descriptions.Item>
      <Descriptions.Item label={t('repairs.warranty.status')}>
        <UnitStatusTag status={unit.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('repairs.warranty.lastDay')}>
        <UnitCover unit={unit} />
      </Descriptions.Item>
    </Descriptions>
  );
}
