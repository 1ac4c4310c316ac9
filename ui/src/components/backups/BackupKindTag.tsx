import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { backupKindColor, backupKindKey } from './backupKind';

/** Why a backup was made: daily, manual, before an update, before a restore. */
export function BackupKindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const key = backupKindKey(kind);
  return (
    <Tag color={backupKindColor(kind)} data-testid="backup-kind" data-kind={kind}>
      {key === null ? kind : t(key)}
    </Tag>
  );
}
