import { EditOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSetInterventionAverage } from '../../hooks/useSetInterventionAverage';
import { averagePercent } from './format';
import { useFigures } from './useFigures';

/** The shop's category average with an inline edit; an empty value removes it. */
export function CategoryAverage({ shopId, average }: { shopId: number; average: number | null }) {
  const { t } = useTranslation();
  const { percent } = useFigures();
  const save = useSetInterventionAverage();
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null) {
    return (
      <Flex gap={4} align="center" data-testid="intervention-average">
        <Typography.Text type="secondary">
          {t('dashboard.average.label')}: {percent(average, t('dashboard.average.unset'))}
        </Typography.Text>
        <Button
          size="small"
          type="link"
          icon={<EditOutlined />}
          aria-label={t('dashboard.average.edit')}
          onClick={() => {
            save.reset();
            setDraft(average === null ? '' : averagePercent(average));
          }}
        />
      </Flex>
    );
  }
  const submit = () =>
    save.mutate({ shop_id: shopId, percent: draft.trim() }, { onSuccess: () => setDraft(null) });
  return (
    <Flex vertical gap={4}>
      <Flex gap={4} align="center">
        <Input
          size="small"
          style={{ width: 110 }}
          value={draft}
          suffix="%"
          placeholder="0.8"
          aria-label={t('dashboard.average.label')}
          onChange={(event) => setDraft(event.target.value)}
          onPressEnter={submit}
        />
        <Button size="small" type="primary" loading={save.isPending} onClick={submit}>
          {t('dashboard.average.save')}
        </Button>
        <Button size="small" onClick={() => setDraft(null)}>
          {t('dashboard.average.cancel')}
        </Button>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dashboard.average.hint')}
      </Typography.Text>
      {save.error !== null && <ErrorAlert error={save.error} />}
    </Flex>
  );
}
