import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupDto } from '../../bindings';
import { useRestoreBackup } from '../../hooks/useRestoreBackup';
import { useFormat } from '../../i18n/useFormat';
import { useErrorToast } from '../useErrorToast';
import { fileNameOf } from './backupFileNames';

/**
 * Restoring replaces all data, so it is asked first: a backup from the list (named by its time) or a file the
 * merchant picked (named by its file name). The engine keeps the current data as a backup before; the answer says
 * under which name. `restoring`: the file being restored, null when none is.
 */
export function useConfirmRestore() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const format = useFormat();
  const showError = useErrorToast();
  const restore = useRestoreBackup();

  const ask = (file: string, backup: BackupDto | null) => {
    const time = backup === null ? null : format.dateTime(backup.created_at);
    const name = fileNameOf(file);
    modal.confirm({
      title: t('backups.confirmTitle'),
      content: time === null ? t('backups.confirmFile', { file: name }) : t('backups.confirm', { time }),
      okText: t('backups.confirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      // The dialog stays, its button spinning, until the engine answers; an error closes it and shows as a toast.
      onOk: () =>
        restore.mutateAsync({ file }).then(
          (result) =>
            void message.success(
              time === null
                ? t('backups.restoredFile', { name, file: result.previous_data.file_name })
                : t('backups.restored', { time, file: result.previous_data.file_name }),
            ),
          (error) => showError(error),
        ),
    });
  };

  return { ask, restoring: restore.isPending ? restore.variables.file : null };
}
