import { useEffect, useRef } from 'react';

const RETRY_MS = 16;
const MAX_TRIES = 60;

/**
 * Focus for the first box of a form in a dialog. `autoFocus` is not enough there: the box mounts before the dialog
 * is attached to the page, where focusing does nothing, and the dialog then focuses itself, so a scan would go
 * nowhere. Here the box is focused as soon as it is on the page.
 */
export function useFocusOnMount<T extends { focus: () => void }>(element: (box: T) => Element | null | undefined) {
  const ref = useRef<T>(null);
  useEffect(() => {
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () => {
      const box = ref.current;
      if (box !== null && element(box)?.isConnected) {
        box.focus();
      } else if (tries < MAX_TRIES) {
        tries += 1;
        timer = setTimeout(attempt, RETRY_MS);
      }
    };
    attempt();
    return () => clearTimeout(timer);
    // Once, on mount: callers pass a new arrow each render that finds the box's element the same way.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return ref;
}
