import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadFile } from '../../hooks/useReadFile';

/** A file read for import: its name, its bytes as base64, and which read this is (the preview's key). */
export type ImportSource = { name: string; content: string; key: number };

/**
 * The file to import, read as base64 once when it is chosen or dropped. Only the latest choice counts: a big
 * file still being read does not replace a smaller one chosen after it.
 */
export function useImportSource() {
  const { t } = useTranslation();
  const { read, reading } = useReadFile((name) => t('import.readFailed', { name }));
  const [source, setSource] = useState<ImportSource | null>(null);
  const latest = useRef(0);

  const choose = async (file: File) => {
    const key = ++latest.current;
    const content = await read(file);
    if (content !== null && key === latest.current) {
      setSource({ name: file.name, content, key });
    }
  };
  return { source, reading, choose };
}
