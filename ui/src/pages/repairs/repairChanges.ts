import dayjs, { type Dayjs } from 'dayjs';
import type { Payer, RepairDetailDto, RepairUpdateInput } from '../../bindings';
import { text } from './text';

/** The editable part of a ticket as the form holds it. */
export type RepairWorkValues = {
  diagnosis: string;
  technician: string;
  labour: string;
  promised: Dayjs | null;
  payer: Payer;
  customer_phone: string;
};

export function workValuesOf(detail: RepairDetailDto): RepairWorkValues {
  const { repair } = detail;
  return {
    diagnosis: detail.diagnosis ?? '',
    technician: repair.technician ?? '',
    labour: detail.labour,
    promised: repair.promised_at === null ? null : dayjs(repair.promised_at),
    payer: repair.payer,
    customer_phone: repair.customer_phone ?? '',
  };
}

/**
 * `update_repair` with only what the merchant changed: every untouched field stays null, so the timeline gets one
 * entry per real change. A cleared promised date is sent as "" (the engine's "no promise"). Null when nothing changed.
 */
export function repairChanges(detail: RepairDetailDto, values: RepairWorkValues): RepairUpdateInput | null {
  const { repair } = detail;
  const diagnosis = text(values.diagnosis);
  const technician = text(values.technician);
  const phone = text(values.customer_phone);
  const labour = values.labour.trim() === '' ? '0' : values.labour.trim();
  const promisedBefore = repair.promised_at === null ? null : dayjs(repair.promised_at);
  const promisedChanged =
    values.promised === null ? promisedBefore !== null : promisedBefore === null || !values.promised.isSame(promisedBefore, 'minute');
  const input: RepairUpdateInput = {
    id: repair.id,
    // The engine keeps a field when it is sent empty, so only a new text counts as a change.
    diagnosis: diagnosis !== null && diagnosis !== detail.diagnosis ? diagnosis : null,
    technician: technician !== null && technician !== repair.technician ? technician : null,
    payer: values.payer !== repair.payer ? values.payer : null,
    labour: labour !== detail.labour ? labour : null,
    promised_at: promisedChanged ? (values.promised === null ? '' : values.promised.toISOString()) : null,
    customer_phone: phone !== null && phone !== repair.customer_phone ? phone : null,
  };
  const changed = Object.entries(input).some(([key, value]) => key !== 'id' && value !== null);
  return changed ? input : null;
}
