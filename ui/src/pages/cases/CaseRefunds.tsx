import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseRefundDto } from '../../bindings';
import { DateTime } from '../../components/DateTime';
import { useFormat } from '../../i18n/useFormat';

const SOURCES = ['platform', 'import', 'case', 'auto_refund'] as const;

function isSource(value: string): value is (typeof SOURCES)[number] {
  return SOURCES.some((known) => known === value);
}

/**
 * The case's money in its order's one ledger: where each refund came from, how much and when, and whether it
 * counts — a refund recorded here that the platform's refund turned out to be says which one it was matched to.
 */
export function CaseRefunds({ refunds }: { refunds: CaseRefundDto[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div data-testid="case-refunds">
      <Typography.Title level={5}>{t('case.refunds')}</Typography.Title>
      <List<CaseRefundDto>
        size="small"
        dataSource={refunds}
        locale={{ emptyText: t('case.noRefunds') }}
        renderItem={(refund) => (
          <List.Item data-testid="case-refund" data-source={refund.source}>
            <Space direction="vertical" size={2}>
              <Space wrap>
                <Tag>{isSource(refund.source) ? t(`case.refundSource.${refund.source}`) : refund.source}</Tag>
                <Typography.Text strong>
                  {refund.amount} {refund.currency}
                </Typography.Text>
                <Typography.Text type="secondary">
                  <DateTime value={refund.at} />
                </Typography.Text>
                {refund.counted && <Tag color="green">{t('case.refundCounted')}</Tag>}
              </Space>
              {refund.matched && refund.platform_refund_id !== null ? (
                <Typography.Text type="secondary">
                  {t('case.refundMatched', {
                    id: refund.platform_refund_id,
                    amount: refund.matched_amount ?? refund.amount,
                    currency: refund.currency,
                    at: refund.matched_at === null ? '' : format.dateTime(refund.matched_at),
                  })}
                </Typography.Text>
              ) : refund.expected ? (
                <Typography.Text type="warning">{t('case.refundExpected')}</Typography.Text>
              ) : (
                refund.platform_refund_id !== null && (
                  <Typography.Text type="secondary">{t('case.refundPlatformId', { id: refund.platform_refund_id })}</Typography.Text>
                )
              )}
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
