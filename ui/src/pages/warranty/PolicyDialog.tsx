import { App, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShopDto, WarrantyPolicyDto } from '../../bindings';
import { PolicyForm } from '../../components/warranty/PolicyForm';
import { useSaveWarrantyPolicy } from '../../hooks/useSaveWarrantyPolicy';

type PolicyDialogProps = {
  /** The policy to change; null for a new one. Kept while the dialog closes so it does not change mid-animation. */
  policy: WarrantyPolicyDto | null;
  open: boolean;
  shops: ShopDto[];
  onClose: () => void;
};

/** A new policy or a new version of one, sent with `save_warranty_policy`; a fresh form every time it opens. */
export function PolicyDialog({ policy, open, shops, onClose }: PolicyDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveWarrantyPolicy();
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={policy === null ? t('warranty.policyForm.newTitle') : t('warranty.policyForm.editTitle', { name: policy.name })}
      footer={null}
      onCancel={close}
      destroyOnHidden
      width={600}
    >
      <PolicyForm
        policy={policy}
        shops={shops}
        submitting={save.isPending}
        error={save.error}
        onCancel={close}
        onSubmit={(input) =>
          save.mutate(input, {
            onSuccess: (saved) => {
              void message.success(t('warranty.policies.saved', { name: saved.policy.name, count: saved.units_created }));
              close();
            },
          })
        }
      />
    </Modal>
  );
}
