import { ArrowRightOutlined } from '@ant-design/icons';
import { Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseEventDto } from '../../bindings';
import { DateTime } from '../DateTime';
import { CaseStatusTag } from './CaseStatusTag';

const ACTORS = ['merchant', 'buyer', 'platform', 'system'] as const;
const EVENT_KINDS = [
  'opened',
  'clock_breached',
  'approve',
  'reject',
  'buyer_shipped',
  'received',
  'refund',
  'exchange_shipped',
  'reship_shipped',
  'close',
  'cancel',
  'intervene',
  'refund_matched',
  'sent_to_platform',
  'platform_accepted',
  'platform_refused',
  'platform_disagrees',
] as const;

/** Written by `add_compensation`; named by the compensation ledger's texts. */
const COMPENSATION_EVENT = 'compensation';

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return values.some((known) => known === value);
}

function colorOf(kind: string): string {
  if (kind === 'clock_breached' || kind === 'reject' || kind === 'platform_refused') return 'red';
  if (kind === 'platform_disagrees') return 'orange';
  if (kind === 'intervene') return 'orange';
  if (kind === 'close' || kind === 'cancel') return 'gray';
  if (kind === 'refund' || kind === 'exchange_shipped' || kind === 'reship_shipped') return 'green';
  return 'blue';
}

/** The case's history, oldest first: when, who, what happened, the status it moved between, and the note. */
export function CaseTimeline({ events }: { events: CaseEventDto[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="case-timeline">
      <Typography.Title level={5}>{t('case.timeline')}</Typography.Title>
      <Timeline
        items={events.map((event, index) => ({
          key: `${event.at}-${index}`,
          color: colorOf(event.kind),
          children: (
            <Flex vertical gap={2} data-testid="case-event" data-kind={event.kind}>
              <Flex gap={8} wrap align="baseline">
                <Typography.Text strong>
                  {isOneOf(EVENT_KINDS, event.kind)
                    ? t(`eventKind.${event.kind}`)
                    : event.kind === COMPENSATION_EVENT
                      ? t('compensation.timelineEvent')
                      : event.kind}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {isOneOf(ACTORS, event.actor) ? t(`actor.${event.actor}`) : event.actor}
                </Typography.Text>
                <Typography.Text type="secondary">
                  <DateTime value={event.at} />
                </Typography.Text>
              </Flex>
              {(event.from_status !== null || event.to_status !== null) && (
                <Flex gap={4} align="center" wrap>
                  {event.from_status !== null && <CaseStatusTag status={event.from_status} />}
                  {event.from_status !== null && event.to_status !== null && <ArrowRightOutlined />}
                  {event.to_status !== null && <CaseStatusTag status={event.to_status} />}
                </Flex>
              )}
              {event.note !== null && <Typography.Text>{event.note}</Typography.Text>}
            </Flex>
          ),
        }))}
      />
    </div>
  );
}
