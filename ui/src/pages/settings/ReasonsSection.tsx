import { App, Button, Card, Divider, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AddReasonForm } from '../../components/reasons/AddReasonForm';
import { ReasonsList } from '../../components/reasons/ReasonsList';
import { useAddReason } from '../../hooks/useAddReason';
import { useReasons } from '../../hooks/useReasons';
import { useLanguage } from '../../i18n/useLanguage';

/** Settings → after-sales reasons: the tree, and a form to add the merchant's own reasons. */
export function ReasonsSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const reasons = useReasons();
  const addReason = useAddReason();
  // A fresh form after each reason added.
  const [added, setAdded] = useState(0);

  let content;
  if (reasons.data !== undefined) {
    const list = reasons.data;
    content = (
      <>
        <ReasonsList reasons={list} />
        <Divider style={{ margin: 0 }} />
        <AddReasonForm
          key={added}
          reasons={list}
          saving={addReason.isPending}
          onSubmit={(input) =>
            addReason.mutate(input, {
              onSuccess: () => {
                setAdded((count) => count + 1);
                const label = language === 'zh-CN' ? input.label_zh || input.label_en : input.label_en || input.label_zh;
                void message.success(t('reasons.added', { label }));
              },
            })
          }
        />
      </>
    );
  } else if (reasons.error !== null) {
    content = (
      <ErrorAlert error={reasons.error} action={<Button onClick={() => void reasons.refetch()}>{t('app.retry')}</Button>} />
    );
  } else {
    content = <Skeleton active paragraph={{ rows: 4 }} />;
  }

  return (
    <Card title={t('reasons.title')} data-testid="reasons-section">
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">{t('reasons.help')}</Typography.Text>
        {content}
        {addReason.error !== null && <ErrorAlert error={addReason.error} />}
      </Flex>
    </Card>
  );
}
