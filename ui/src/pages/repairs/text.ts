/** A typed value trimmed, or null when nothing was typed (the engine's "not given"). */
export function text(value: string | undefined | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** A non-negative decimal in major units ("0", "45.50"), decided on the string. */
export function isAmount(value: string): boolean {
  return DECIMAL.test(value);
}
