import { useEffect, useRef } from 'react';

/**
 * A click on a desktop reminder: the shell brings the window to the front and dispatches this DOM event with the
 * case the reminder was about (null for a digest of several). `src-tauri/src/clicks.rs` names it too.
 */
export const REMINDER_CLICK_EVENT = 'aftersales:reminder-click';

export type ReminderClick = { caseId: number | null };

function clickOf(event: Event): ReminderClick {
  const detail: unknown = event instanceof CustomEvent ? event.detail : null;
  const caseId = typeof detail === 'object' && detail !== null && 'caseId' in detail ? detail.caseId : null;
  return { caseId: typeof caseId === 'number' && Number.isSafeInteger(caseId) && caseId > 0 ? caseId : null };
}

/** Calls `onClick` for every reminder clicked while the page is open. */
export function useReminderClicks(onClick: (click: ReminderClick) => void) {
  const latest = useRef(onClick);
  latest.current = onClick;
  useEffect(() => {
    const listener = (event: Event) => latest.current(clickOf(event));
    window.addEventListener(REMINDER_CLICK_EVENT, listener);
    return () => window.removeEventListener(REMINDER_CLICK_EVENT, listener);
  }, []);
}
