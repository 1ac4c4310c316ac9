import { CheckCircleFilled, CloseCircleFilled, InfoCircleOutlined } from '@ant-design/icons';
import { Flex, List, Select, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, CaseType, EligibilityDto, EligibilityReason, OrderLineDto } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';
import { ErrorAlert } from '../ErrorAlert';
import { CASE_TYPES } from './caseTypes';
import { ConfidenceTag } from './ConfidenceTag';

const REASON_CODES = [
  'not_shipped',
  'window_over',
  'goods_class',
  'order_cancelled',
  'fully_refunded',
  'already_open',
  'attempt_cap',
  'self_pickup',
] as const;

/** What the engine says without refusing: the window not started yet, the platform's own receipt date, refunds. */
const NOTE_CODES = ['window_not_started', 'auto_confirm', 'partly_refunded', 'order_refund_unassigned'] as const;

function isReasonCode(code: string): code is (typeof REASON_CODES)[number] {
  return REASON_CODES.some((known) => known === code);
}

function isNoteCode(code: string): code is (typeof NOTE_CODES)[number] {
  return NOTE_CODES.some((known) => known === code);
}

/** The engine's answer for one line: loading, an error, or the verdict. */
export type LineEligibility = { line: OrderLineDto; data: EligibilityDto | undefined; error: ApiError | null };

export type EligibilityPanelProps = {
  caseType: CaseType;
  onCaseTypeChange: (caseType: CaseType) => void;
  lines: LineEligibility[];
  /** Extra controls under a line's title, e.g. setting its goods class. */
  lineExtra?: (line: OrderLineDto) => ReactNode;
};

function Reason({ reason }: { reason: EligibilityReason }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={0} data-testid="eligibility-reason" data-code={reason.code}>
      <Typography.Text strong>
        {isReasonCode(reason.code) ? t(`eligibility.reason.${reason.code}`) : t('eligibility.reason.other', { code: reason.code })}
      </Typography.Text>
      <Typography.Text>{reason.message}</Typography.Text>
      <Source reason={reason} />
    </Flex>
  );
}

function Source({ reason }: { reason: EligibilityReason }) {
  const { t } = useTranslation();
  return (
    <Flex gap="small" align="center" wrap>
      <Typography.Text type="secondary">{t('eligibility.source', { source: reason.source })}</Typography.Text>
      {reason.confidence !== undefined && <ConfidenceTag confidence={reason.confidence} />}
    </Flex>
  );
}

function Note({ note }: { note: EligibilityReason }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={0} data-testid="eligibility-note" data-code={note.code}>
      <Typography.Text>
        <InfoCircleOutlined />{' '}
        {isNoteCode(note.code) ? t(`eligibility.note.${note.code}`) : t('eligibility.note.other', { code: note.code })}
      </Typography.Text>
      <Typography.Text>{note.message}</Typography.Text>
      <Source reason={note} />
    </Flex>
  );
}

function Verdict({ result }: { result: EligibilityDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Flex vertical gap={6}>
      {result.eligible ? (
        <Typography.Text type="success" data-testid="eligibility-verdict" data-eligible="true">
          <CheckCircleFilled /> {t('eligibility.eligible')}
        </Typography.Text>
      ) : (
        <Typography.Text type="danger" data-testid="eligibility-verdict" data-eligible="false">
          <CloseCircleFilled /> {t('eligibility.notEligible')}
        </Typography.Text>
      )}
      {result.reasons.map((reason, index) => (
        <Reason key={`${reason.code}-${index}`} reason={reason} />
      ))}
      {result.notes.map((note, index) => (
        <Note key={`${note.code}-${index}`} note={note} />
      ))}
      {result.window_starts_at !== undefined && (
        <Typography.Text type="secondary">{t('eligibility.windowStarts', { time: format.dateTime(result.window_starts_at) })}</Typography.Text>
      )}
      {result.window_ends_at !== null && (
        <Typography.Text type="secondary">{t('eligibility.windowEnds', { time: format.dateTime(result.window_ends_at) })}</Typography.Text>
      )}
      {result.auto_confirm_at !== undefined && (
        <Typography.Text type="secondary" data-testid="eligibility-auto-confirm">
          {t('eligibility.autoConfirm', { time: format.dateTime(result.auto_confirm_at) })}
        </Typography.Text>
      )}
      {result.left !== undefined && result.notes.some((note) => note.code === 'partly_refunded') && (
        <Typography.Text type="secondary" data-testid="eligibility-left">
          {t('eligibility.left', { amount: result.left.amount, count: result.left.quantity })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** For a chosen case type, whether each line of an order can take an after-sales request, and every reason why not. */
export function EligibilityPanel({ caseType, onCaseTypeChange, lines, lineExtra }: EligibilityPanelProps) {
  const { t } = useTranslation();
  return (
    <div data-testid="eligibility-panel">
      <Flex justify="space-between" align="center" gap="middle" wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('eligibility.title')}
        </Typography.Title>
        <Flex gap="small" align="center">
          <Typography.Text type="secondary">{t('eligibility.caseType')}</Typography.Text>
          <Select<CaseType>
            value={caseType}
            onChange={onCaseTypeChange}
            style={{ minWidth: 160 }}
            aria-label={t('eligibility.caseType')}
            options={CASE_TYPES.map((type) => ({ value: type, label: t(`caseType.${type}`) }))}
          />
        </Flex>
      </Flex>
      <List
        bordered
        size="small"
        dataSource={lines}
        rowKey={(item) => item.line.external_id}
        renderItem={(item) => (
          <List.Item data-testid="eligibility-line" data-line={item.line.external_id}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Typography.Text>
                {item.line.title}
                {item.line.sku !== null && <Typography.Text type="secondary"> · {item.line.sku}</Typography.Text>}
              </Typography.Text>
              {lineExtra?.(item.line)}
              {item.data !== undefined ? (
                <Verdict result={item.data} />
              ) : item.error !== null ? (
                <ErrorAlert error={item.error} />
              ) : (
                <Skeleton active title={false} paragraph={{ rows: 1 }} />
              )}
            </Flex>
          </List.Item>
        )}
      />
    </div>
  );
}
