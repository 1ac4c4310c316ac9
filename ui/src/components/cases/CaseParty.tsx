import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSummaryDto } from '../../bindings';
import { DASH } from '../dash';

/** Who a case is about: the order number, or the customer of a walk-in case without an order. */
export function CaseParty({ summary, link = false }: { summary: CaseSummaryDto; link?: boolean }) {
  const { t } = useTranslation();
  if (summary.order_number !== null) {
    return link ? <Typography.Link>{summary.order_number}</Typography.Link> : <span>{summary.order_number}</span>;
  }
  const name = summary.customer ?? DASH;
  return (
    <Flex gap={4} align="center" wrap>
      {link ? <Typography.Link>{name}</Typography.Link> : <span>{name}</span>}
      <Tag>{t('cases.walkIn')}</Tag>
    </Flex>
  );
}
