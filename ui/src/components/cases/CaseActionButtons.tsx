import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '../../bindings';

const DANGER: ReadonlySet<CaseAction> = new Set(['reject']);

/** The actions the case allows now, in the engine's order; the first is the main one. */
export function CaseActionButtons({ actions, onAction }: { actions: CaseAction[]; onAction: (action: CaseAction) => void }) {
  const { t } = useTranslation();
  return (
    <div data-testid="case-actions">
      <Typography.Title level={5}>{t('case.actions')}</Typography.Title>
      {actions.length === 0 ? (
        <Typography.Text type="secondary">{t('case.noActions')}</Typography.Text>
      ) : (
        <Flex gap="small" wrap>
          {actions.map((action, index) => (
            <Button
              key={action}
              type={index === 0 && !DANGER.has(action) ? 'primary' : 'default'}
              danger={DANGER.has(action)}
              data-testid={`case-action-${action}`}
              // "同意", not antd's "同 意": the words the merchant knows from the platforms' back-offices.
              autoInsertSpace={false}
              onClick={() => onAction(action)}
            >
              {t(`caseAction.${action}`)}
            </Button>
          ))}
        </Flex>
      )}
    </div>
  );
}
