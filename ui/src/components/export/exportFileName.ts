import dayjs from 'dayjs';
import type { ExportFormat } from '../../bindings';

/** What the save dialog suggests: "repairs-2026-11-27.xlsx", dated by the local day so files sort by day. */
export function exportFileName(kind: 'repairs' | 'warranty', format: ExportFormat, today: Date): string {
  return `${kind}-${dayjs(today).format('YYYY-MM-DD')}.${format}`;
}
