import type { BackupDto, RecoveryDto } from '../bindings';

/** A backup in the app's backups folder, named the way the engine names them. */
export function backup(overrides: Partial<BackupDto> = {}): BackupDto {
  const kind = overrides.kind ?? 'daily';
  const created_at = overrides.created_at ?? '2026-11-27T01:00:00Z';
  const file_name = overrides.file_name ?? `${kind}-${created_at.replace(/[-:]/g, '').replace('Z', '.000Z')}.db`;
  return {
    file_name,
    path: `/home/me/.local/share/aftersales-desk/backups/${file_name}`,
    kind,
    created_at,
    bytes: 1_572_864,
    ...overrides,
  };
}

/** One backup of each kind, newest first, as `backups` answers. */
export function backupsOfEachKind(): BackupDto[] {
  return [
    backup({ kind: 'manual', created_at: '2026-11-27T09:30:00Z', bytes: 1_600_000 }),
    backup({ kind: 'daily', created_at: '2026-11-27T01:00:00Z', bytes: 1_572_864 }),
    backup({ kind: 'before-restore', created_at: '2026-11-20T15:45:00Z', bytes: 900_000 }),
    backup({ kind: 'before-migration', created_at: '2026-11-02T08:00:00Z', bytes: 512_000 }),
  ];
}

/** What `startup_problem` answers when the database did not open. */
export function recovery(overrides: Partial<RecoveryDto> = {}): RecoveryDto {
  return {
    database: '/home/me/.local/share/aftersales-desk/desk.db',
    problem: { code: 'damaged', message: 'database disk image is malformed (integrity check: page 17)' },
    backups: [
      backup({ kind: 'daily', created_at: '2026-11-27T01:00:00Z' }),
      backup({ kind: 'manual', created_at: '2026-11-25T18:20:00Z' }),
    ],
    ...overrides,
  };
}
