import type { UnitStatus } from '../../bindings';

/** Every status a warranty unit can have, in the order the merchant reads them. */
export const UNIT_STATUSES: readonly UnitStatus[] = ['in', 'out', 'replaced', 'void'];
