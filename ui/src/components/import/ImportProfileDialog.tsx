import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreviewDto, ImportProfile } from '../../bindings';
import { useSaveImportProfile } from '../../hooks/useSaveImportProfile';
import { useLanguage } from '../../i18n/useLanguage';
import { ImportProfileForm } from './ImportProfileForm';
import { profileName } from './importTargets';

/** The profile to edit and the preview it is edited against; kept while the dialog closes. */
export type ProfileEdit = { base: ImportProfile; preview: ImportPreviewDto };

type ImportProfileDialogProps = {
  edit: ProfileEdit | null;
  open: boolean;
  profiles: ImportProfile[];
  onClose: () => void;
  /** Saved with `save_import_profile`: the profile list holds it already. */
  onSaved: (saved: ImportProfile) => void;
};

/** "Edit mapping" over the import: a fresh form every time it opens, the engine's refusal kept in it. */
export function ImportProfileDialog({ edit, open, profiles, onClose, onSaved }: ImportProfileDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const save = useSaveImportProfile();
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={edit === null ? t('import.editMapping') : t('import.editor.title', { name: profileName(edit.base, language) })}
      footer={null}
      onCancel={close}
      destroyOnHidden
      width={760}
    >
      {edit !== null && (
        <ImportProfileForm
          base={edit.base}
          preview={edit.preview}
          profiles={profiles}
          submitting={save.isPending}
          error={save.error}
          onCancel={close}
          onSubmit={(profile) =>
            save.mutate(profile, {
              onSuccess: (all) => {
                close();
                onSaved(all.find((saved) => saved.id === profile.id) ?? profile);
              },
            })
          }
        />
      )}
    </Modal>
  );
}
