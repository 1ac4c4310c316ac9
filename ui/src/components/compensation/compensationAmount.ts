import type { CompensationKind } from '../../bindings';

const DECIMAL = /^\d+(\.\d+)?$/;
const ZERO = /^0*(\.0*)?$/;

/**
 * A decimal string in major units ("12.50") that the engine takes for this kind: more than zero, except a reship,
 * which may be 0 while its cost is not known yet. Decided on the string, never through a float.
 */
export function isCompensationAmount(value: string, kind: CompensationKind): boolean {
  return DECIMAL.test(value) && (kind === 'reship' || !ZERO.test(value));
}

/** What is sent for the amount field: empty is 0 for a reship (cost unknown), kept empty otherwise for the check. */
export function compensationAmount(value: string | undefined, kind: CompensationKind): string {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' && kind === 'reship' ? '0' : trimmed;
}
