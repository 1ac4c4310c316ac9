import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSummaryDto } from '../../bindings';
import { LinkText, Stack } from '../Cell';
import { DASH } from '../dash';

/** Who a case is about: the order number, or the customer of a walk-in case without an order. */
export function CaseParty({ summary, link = false }: { summary: CaseSummaryDto; link?: boolean }) {
  const { t } = useTranslation();
  if (summary.order_number !== null) {
    return link ? <LinkText>{summary.order_number}</LinkText> : <span>{summary.order_number}</span>;
  }
  const name = summary.customer ?? DASH;
  return (
    <Stack inline>
      {link ? <LinkText>{name}</LinkText> : <span>{name}</span>}
      <Tag>{t('cases.walkIn')}</Tag>
    </Stack>
  );
}
