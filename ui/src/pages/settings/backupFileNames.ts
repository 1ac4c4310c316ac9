import dayjs from 'dayjs';

/** "aftersales-backup-20261127.db": the name the save dialog proposes for a copy of the data, dated by the local day. */
export function backupCopyFileName(today: Date): string {
  return `aftersales-backup-${dayjs(today).format('YYYYMMDD')}.db`;
}

/** "aftersales-diagnostics-20261127.zip": the name the save dialog proposes for the diagnostics for support. */
export function diagnosticsFileName(today: Date): string {
  return `aftersales-diagnostics-${dayjs(today).format('YYYYMMDD')}.zip`;
}

/** The last part of a path, whichever separator the system uses. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter((part) => part !== '').at(-1) ?? path;
}
