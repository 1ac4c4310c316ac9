/** Shown where a value is absent. */
export const DASH = '—';
