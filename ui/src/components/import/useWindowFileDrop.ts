import { useEffect, useEffectEvent } from 'react';

/** The uploaders that take their own drops (case evidence, repair photos, the import dialog's own). */
function insideUploader(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.ant-upload') !== null;
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Files dropped anywhere on the window but on an uploader. Every file drop is kept from the browser, even one
 * that is ignored: its default is to open the file in place of the app.
 */
export function useWindowFileDrop(enabled: boolean, onFiles: (files: File[]) => void) {
  const dropped = useEffectEvent(onFiles);
  useEffect(() => {
    if (!enabled) return;
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer !== null && !insideUploader(event.target)) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      const handled = event.defaultPrevented || insideUploader(event.target);
      event.preventDefault();
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (!handled && files.length > 0) dropped(files);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [enabled]);
}
