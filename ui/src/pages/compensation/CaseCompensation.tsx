import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummaryDto } from '../../bindings';
import { CompensationTable } from '../../components/compensation/CompensationTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCompensations } from '../../hooks/useCompensations';
import { CompensationFormModal } from './CompensationFormModal';

/** What a case cost beyond its refund: its compensation entries, and one more added with the case's shop and number. */
export function CaseCompensation({ summary }: { summary: CaseSummaryDto }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const entries = useCompensations({ case_id: summary.id, from: null, to: null });
  return (
    <Flex vertical gap="small" data-testid="case-compensation">
      <Flex justify="space-between" align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('compensation.section')}
        </Typography.Title>
        <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="case-compensation-add">
          {t('compensation.sectionAdd')}
        </Button>
      </Flex>
      {entries.error !== null && <ErrorAlert error={entries.error} />}
      <CompensationTable items={entries.data?.items ?? []} loading={entries.isLoading} withinCase />
      <CompensationFormModal
        start={{ kind: 'case', caseId: summary.id, shopId: summary.shop_id, shop: summary.shop, currency: summary.currency }}
        open={open}
        onClose={() => setOpen(false)}
      />
    </Flex>
  );
}
