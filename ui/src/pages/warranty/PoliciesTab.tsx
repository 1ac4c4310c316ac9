import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Divider, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopDto, WarrantyPolicyDto } from '../../bindings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PoliciesTable } from '../../components/warranty/PoliciesTable';
import { useRetireWarrantyPolicy } from '../../hooks/useRetireWarrantyPolicy';
import { useWarrantyPolicies } from '../../hooks/useWarrantyPolicies';
import { useErrorToast } from '../useErrorToast';
import { PolicyDialog } from './PolicyDialog';
import { SkuCategorySection } from './SkuCategorySection';

/** The policies in force, to add, change (as a new version) or retire; and SKU categories for category-wide ones. */
export function PoliciesTab({ shops }: { shops: ShopDto[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const policies = useWarrantyPolicies();
  const retire = useRetireWarrantyPolicy();
  const [dialog, setDialog] = useState<{ open: boolean; policy: WarrantyPolicyDto | null }>({ open: false, policy: null });

  return (
    <Flex vertical gap="middle">
      <Flex justify="end">
        <Button type="primary" icon={<PlusOutlined />} data-testid="new-policy" onClick={() => setDialog({ open: true, policy: null })}>
          {t('warranty.policies.new')}
        </Button>
      </Flex>
      {policies.error !== null && <ErrorAlert error={policies.error} />}
      <PoliciesTable
        policies={policies.data ?? []}
        loading={policies.isLoading}
        retiring={retire.isPending ? retire.variables.id : null}
        onEdit={(policy) => setDialog({ open: true, policy })}
        onRetire={(policy) =>
          retire.mutate(
            { id: policy.id },
            {
              onSuccess: () => void message.success(t('warranty.policies.retired', { name: policy.name })),
              onError: (error) => showError(error),
            },
          )
        }
      />
      <Divider style={{ margin: 0 }} />
      <SkuCategorySection shops={shops} />
      <PolicyDialog
        policy={dialog.policy}
        open={dialog.open}
        shops={shops}
        onClose={() => setDialog((current) => ({ ...current, open: false }))}
      />
    </Flex>
  );
}
