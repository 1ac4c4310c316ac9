import { Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReasonDto } from '../../bindings';
import { useLanguage } from '../../i18n/useLanguage';
import { otherLabel, reasonLabel, reasonTree } from './reasonTree';

/** One reason: its name in the UI language, the other language's name beside it, and whether it is the merchant's. */
function ReasonName({ reason, strong = false }: { reason: ReasonDto; strong?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const other = otherLabel(reason, language);
  return (
    <Flex gap={6} align="center" wrap data-testid="reason" data-reason-code={reason.code}>
      <Typography.Text strong={strong}>{reasonLabel(reason, language)}</Typography.Text>
      {other !== reasonLabel(reason, language) && <Typography.Text type="secondary">{other}</Typography.Text>}
      {!reason.builtin && (
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {t('reasons.custom')}
        </Tag>
      )}
    </Flex>
  );
}

/** The reason tree: each group with the reasons under it. */
export function ReasonsList({ reasons }: { reasons: ReasonDto[] }) {
  const { t } = useTranslation();
  const tree = reasonTree(reasons);
  if (tree.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reasons.empty')} />;
  }
  return (
    <Flex vertical gap="small" data-testid="reasons-tree">
      {tree.map(({ reason, children }) => (
        <Flex vertical gap={4} key={reason.code} data-testid="reason-group" data-reason-code={reason.code}>
          <ReasonName reason={reason} strong />
          {children.length > 0 && (
            <Flex vertical gap={2} style={{ paddingInlineStart: 20 }}>
              {children.map((child) => (
                <ReasonName key={child.code} reason={child} />
              ))}
            </Flex>
          )}
        </Flex>
      ))}
    </Flex>
  );
}
