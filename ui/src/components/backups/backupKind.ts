const KIND_KEYS = {
  daily: 'backups.kind.daily',
  manual: 'backups.kind.manual',
  'before-migration': 'backups.kind.beforeMigration',
  'before-restore': 'backups.kind.beforeRestore',
} as const;

const KIND_COLORS = {
  daily: 'default',
  manual: 'blue',
  'before-migration': 'purple',
  'before-restore': 'gold',
} as const;

type KnownKind = keyof typeof KIND_KEYS;

function isKnownKind(kind: string): kind is KnownKind {
  return Object.hasOwn(KIND_KEYS, kind);
}

/** The translation key of a backup's kind; null for a kind this UI does not know (shown as the engine wrote it). */
export function backupKindKey(kind: string) {
  return isKnownKind(kind) ? KIND_KEYS[kind] : null;
}

/** The tag colour of a backup's kind: the automatic daily ones plain, the ones made for a reason coloured. */
export function backupKindColor(kind: string) {
  return isKnownKind(kind) ? KIND_COLORS[kind] : 'default';
}
