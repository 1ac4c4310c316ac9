import { Alert, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairDetailDto } from '../../bindings';
import { Money } from '../../components/Money';
import { useFormat } from '../../i18n/useFormat';
import { PayerTag } from './PayerTag';
import { UnitStatusTag } from '../../components/warranty/UnitStatusTag';

/**
 * The unit's warranty as the ledger has it (in or out, until when, under which policy and what it covers), and who
 * pays for this repair and why: the engine's reasoning, so the merchant can tell the customer.
 */
export function RepairWarranty({ detail }: { detail: RepairDetailDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { unit, repair } = detail;
  return (
    <Flex vertical gap="small" data-testid="repair-warranty">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('repairs.warranty.title')}
      </Typography.Title>
      {unit === null ? (
        <Alert type="info" showIcon message={t('repairs.warranty.noUnit')} />
      ) : (
        <Descriptions size="small" bordered column={2}>
          <Descriptions.Item label={t('repairs.warranty.unit')}>{unit.title}</Descriptions.Item>
          <Descriptions.Item label={t('repairs.warranty.status')}>
            <Flex gap={4} wrap>
              <UnitStatusTag status={unit.status} />
              {/* A void or replaced unit has no stage: its item is no longer covered under this unit. */}
              {unit.stage !== null && <span>{t(`repairs.stage.${unit.stage}`)}</span>}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('repairs.warranty.lastDay')}>
            <span data-testid="repair-warranty-last-day">{format.date(unit.last_day)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('repairs.warranty.policy')}>
            {t('repairs.warranty.policyVersion', { name: unit.policy_name, version: unit.policy_version })}
          </Descriptions.Item>
          <Descriptions.Item label={t('repairs.warranty.coverage')} span={2}>
            <Flex vertical gap={2}>
              <span>{unit.coverage}</span>
              <Typography.Text type="secondary">
                {t(unit.labour_free ? 'repairs.warranty.labourFree' : 'repairs.warranty.labourCharged')} ·{' '}
                {t(unit.parts_free ? 'repairs.warranty.partsFree' : 'repairs.warranty.partsCharged')}
              </Typography.Text>
            </Flex>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={t('repairs.field.payer')}>
          <Flex vertical gap={2} align="start">
            <PayerTag payer={repair.payer} />
            <Typography.Text type="secondary" data-testid="repair-payer-basis">
              {detail.payer_basis}
            </Typography.Text>
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('repairs.warranty.merchantCost')}>
          <Money amount={detail.merchant_cost} currency={repair.currency} />
        </Descriptions.Item>
      </Descriptions>
    </Flex>
  );
}
