import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isImportFile } from './importTargets';
import { useWindowFileDrop } from './useWindowFileDrop';

/**
 * Whether the import dialog is open and with which dropped file: opened by a button (no file yet) or by an
 * export dropped anywhere on the window while `dropEnabled`. Other dropped files are refused with a word why.
 */
export function useImportDialog(dropEnabled: boolean) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [state, setState] = useState<{ open: boolean; file: File | null }>({ open: false, file: null });

  useWindowFileDrop(dropEnabled, (files) => {
    const file = files.find((f) => isImportFile(f.name));
    if (file === undefined) {
      void message.warning(t('import.notImportFile', { name: files[0]?.name ?? '' }));
    } else {
      setState({ open: true, file });
    }
  });

  return {
    open: state.open,
    file: state.file,
    show: () => setState({ open: true, file: null }),
    close: () => setState({ open: false, file: null }),
  };
}
