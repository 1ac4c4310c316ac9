import { App, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSettings } from '../../hooks/useSettings';
import { useUpdateSettings } from '../../hooks/useUpdateSettings';
import { BackupKeepForm } from './BackupKeepForm';

/** The backup and log retention numbers, saved with the other app settings (the engine wants all of them). */
export function BackupKeepSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useSettings();
  const update = useUpdateSettings();

  // A settings load error shows on the settings card above, with its retry.
  if (settings.error !== null) return null;
  if (settings.data === undefined) return <Skeleton active title={false} paragraph={{ rows: 2 }} />;
  const saved = settings.data;
  return (
    <>
      <BackupKeepForm
        // A fresh form with each saved answer, so it starts from what the engine keeps.
        key={`${saved.backup_keep}/${saved.log_keep_days}`}
        saved={{ backup_keep: saved.backup_keep, log_keep_days: saved.log_keep_days }}
        saving={update.isPending}
        onSave={(values) =>
          update.mutate({ ...saved, ...values }, { onSuccess: () => void message.success(t('settings.saved')) })
        }
      />
      {update.error !== null && <ErrorAlert error={update.error} />}
    </>
  );
}
