import type { WarrantyLookupInput } from '../../bindings';

export type LookupBy = 'serial' | 'order' | 'phone';

export const LOOKUP_BY: readonly LookupBy[] = ['serial', 'order', 'phone'];

/** What was looked up, as typed (trimmed). */
export type Lookup = { by: LookupBy; value: string };

/** `warranty_lookup` takes exactly one of serial, order and phone; judged as of now. */
export function lookupInput({ by, value }: Lookup): WarrantyLookupInput {
  return {
    serial: by === 'serial' ? value : null,
    order: by === 'order' ? value : null,
    phone: by === 'phone' ? value : null,
    at: null,
  };
}
