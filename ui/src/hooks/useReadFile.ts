import { useState } from 'react';
import type { ApiError } from '../bindings';
import { fileToBase64 } from '../pages/cases/fileToBase64';
import { useErrorToast } from '../pages/useErrorToast';

/**
 * Reads dropped or chosen files as base64 for an upload command. A file the browser cannot read is reported
 * with `failedTitle(name)` and gives null; `reading` stays true while any file is being read.
 */
export function useReadFile(failedTitle: (name: string) => string) {
  const showError = useErrorToast();
  const [pending, setPending] = useState(0);
  const read = async (file: File): Promise<string | null> => {
    setPending((count) => count + 1);
    try {
      return await fileToBase64(file);
    } catch (reason) {
      const error: ApiError = { code: 'internal', message: reason instanceof Error ? reason.message : String(reason) };
      showError(error, failedTitle(file.name));
      return null;
    } finally {
      setPending((count) => count - 1);
    }
  };
  return { read, reading: pending > 0 };
}
