import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSummaryDto, ReasonDto } from '../../bindings';
import { DASH } from '../dash';
import { DateTime } from '../DateTime';
import { Money } from '../Money';
import { ReasonText } from '../reasons/ReasonText';
import { CaseParty } from './CaseParty';
import { CaseShop } from './CaseShop';
import { CaseStatusTag } from './CaseStatusTag';

const SOURCES = ['platform', 'manual', 'import'] as const;

function isKnownSource(source: string): source is (typeof SOURCES)[number] {
  return SOURCES.some((known) => known === source);
}

/**
 * What a case is: type, status (and the platform's own status word), reason (named from the reason tree when it is
 * one of its codes), the money, when, and intervention.
 */
export function CaseSummaryView({ summary, reasons }: { summary: CaseSummaryDto; reasons: readonly ReasonDto[] | undefined }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" bordered column={2} data-testid="case-summary">
      <Descriptions.Item label={t('case.shop')}>
        <CaseShop summary={summary} />
      </Descriptions.Item>
      <Descriptions.Item label={summary.order_number === null ? t('case.customer') : t('case.order')}>
        <CaseParty summary={summary} />
      </Descriptions.Item>
      <Descriptions.Item label={t('case.type')}>{t(`caseType.${summary.case_type}`)}</Descriptions.Item>
      <Descriptions.Item label={t('case.status')}>
        <CaseStatusTag status={summary.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('case.rawStatus')}>{summary.raw_status ?? DASH}</Descriptions.Item>
      <Descriptions.Item label={t('case.reason')}>
        <ReasonText reason={summary.reason} reasons={reasons} />
      </Descriptions.Item>
      <Descriptions.Item label={t('case.requested')}>
        {summary.requested === null ? DASH : <Money amount={summary.requested} currency={summary.currency} />}
      </Descriptions.Item>
      <Descriptions.Item label={t('case.refunded')}>
        <Money amount={summary.refunded} currency={summary.currency} refund />
      </Descriptions.Item>
      <Descriptions.Item label={t('case.atStake')}>
        <Money amount={summary.at_stake} currency={summary.currency} />
      </Descriptions.Item>
      <Descriptions.Item label={t('case.intervention')}>
        {summary.intervention ? <Tag color="volcano">{t('case.interventionYes')}</Tag> : t('case.interventionNo')}
      </Descriptions.Item>
      <Descriptions.Item label={t('case.openedAt')}>
        <DateTime value={summary.opened_at} />
      </Descriptions.Item>
      <Descriptions.Item label={t('case.closedAt')}>
        <DateTime value={summary.closed_at} />
      </Descriptions.Item>
      <Descriptions.Item label={t('case.source')} span={2}>
        {isKnownSource(summary.source) ? t(`case.sourceKind.${summary.source}`) : summary.source}
      </Descriptions.Item>
    </Descriptions>
  );
}
