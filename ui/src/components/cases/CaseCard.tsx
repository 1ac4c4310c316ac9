import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSummaryDto } from '../../bindings';
import { Money } from '../Money';
import { CaseParty } from './CaseParty';
import { CaseShop } from './CaseShop';
import { CaseStatusTag } from './CaseStatusTag';
import { NextDeadline } from './NextDeadline';

/** One case on the board: who, where, what, how much and the nearest deadline; a click opens it. */
export function CaseCard({ summary, onOpen }: { summary: CaseSummaryDto; onOpen: (summary: CaseSummaryDto) => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      hoverable
      data-testid="case-card"
      data-case-id={summary.id}
      onClick={() => onOpen(summary)}
      styles={{ body: { padding: 10 } }}
    >
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="center" gap={6} wrap>
          <div style={{ fontWeight: 600 }}>
            <CaseParty summary={summary} />
          </div>
          <NextDeadline summary={summary} />
        </Flex>
        <CaseShop summary={summary} />
        <Flex justify="space-between" align="center" gap={8} wrap>
          <span>{t(`caseType.${summary.case_type}`)}</span>
          <CaseStatusTag status={summary.status} />
        </Flex>
        <Typography.Text type="secondary">
          {t('cases.column.atStake')}: <Money amount={summary.at_stake} currency={summary.currency} />
        </Typography.Text>
      </Flex>
    </Card>
  );
}
