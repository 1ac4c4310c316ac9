import { PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Rate, Tag, theme, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowupDto } from '../../bindings';
import { DASH } from '../../components/dash';
import { DateTime } from '../../components/DateTime';
import { useFormat } from '../../i18n/useFormat';
import { OutcomeTag } from './OutcomeTag';

/**
 * One call to make (or made): what about, whom to call and when, and the script to read out. An overdue call is
 * red; a done one shows how it went instead of the button.
 */
export function FollowupCard({ followup, onRecord }: { followup: FollowupDto; onRecord?: (followup: FollowupDto) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { token } = theme.useToken();
  const done = followup.done_at !== null;
  const overdue = followup.overdue && !done;
  let action: ReactNode = null;
  if (!done && onRecord !== undefined) {
    action = (
      <Button type="primary" icon={<PhoneOutlined />} data-testid={`followup-record-${followup.id}`} onClick={() => onRecord(followup)}>
        {t('followups.record')}
      </Button>
    );
  }
  return (
    <Card
      size="small"
      data-testid={`followup-${followup.id}`}
      data-overdue={overdue}
      style={overdue ? { borderColor: token.colorError, background: token.colorErrorBg } : undefined}
    >
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="start" gap="small" wrap>
          <Flex vertical gap={2}>
            <Flex gap={6} align="center" wrap>
              <Typography.Text strong>{followup.subject}</Typography.Text>
              <Tag>{t(`followups.kind.${followup.kind}`)}</Tag>
              {overdue && <Tag color="red">{t('followups.overdue')}</Tag>}
            </Flex>
            <Typography.Text type="secondary">
              {followup.shop} · {followup.customer ?? DASH} ·{' '}
              {followup.phone === null ? (
                t('followups.noPhone')
              ) : (
                <Typography.Text copyable data-testid="followup-phone">
                  {followup.phone}
                </Typography.Text>
              )}
            </Typography.Text>
            <Typography.Text type={overdue ? 'danger' : 'secondary'}>
              {t('followups.dueAt')}: <DateTime value={followup.due_at} /> ({format.relative(followup.due_at)})
            </Typography.Text>
          </Flex>
          {action}
        </Flex>
        {done ? (
          <Flex vertical gap={4} data-testid="followup-result">
            <Flex gap={8} align="center" wrap>
              {followup.outcome !== null && <OutcomeTag outcome={followup.outcome} />}
              {followup.csat !== null && <Rate disabled value={followup.csat} aria-label={t('followups.csat')} />}
              <Typography.Text type="secondary">
                <DateTime value={followup.done_at} />
              </Typography.Text>
            </Flex>
            {followup.note !== null && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{followup.note}</Typography.Text>}
          </Flex>
        ) : (
          <div
            data-testid="followup-script"
            style={{
              padding: '8px 12px',
              background: token.colorFillQuaternary,
              borderLeft: `3px solid ${token.colorPrimary}`,
              borderRadius: token.borderRadius,
              whiteSpace: 'pre-wrap',
              fontSize: token.fontSizeLG,
            }}
          >
            {followup.script}
          </div>
        )}
      </Flex>
    </Card>
  );
}
