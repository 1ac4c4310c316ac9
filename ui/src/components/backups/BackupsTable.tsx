import { Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupDto } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';
import { BackupKindTag } from './BackupKindTag';

type BackupsTableProps = {
  backups: BackupDto[];
  loading?: boolean;
  /** The last column of each row: what can be done with that backup. */
  action: (backup: BackupDto) => ReactNode;
  testId: string;
};

/** Backups, newest first: when each was made (local time), why, and how big it is. */
export function BackupsTable({ backups, loading = false, action, testId }: BackupsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns: TableColumnsType<BackupDto> = [
    {
      key: 'when',
      title: t('backups.column.when'),
      render: (_, backup) => <span title={backup.file_name}>{format.dateTime(backup.created_at)}</span>,
    },
    { key: 'kind', title: t('backups.column.kind'), render: (_, backup) => <BackupKindTag kind={backup.kind} /> },
    { key: 'size', title: t('backups.column.size'), align: 'end', render: (_, backup) => format.fileSize(backup.bytes) },
    { key: 'action', align: 'end', render: (_, backup) => action(backup) },
  ];
  return (
    <Table<BackupDto>
      data-testid={testId}
      rowKey="path"
      size="small"
      columns={columns}
      dataSource={backups}
      loading={loading}
      pagination={backups.length > 10 ? { pageSize: 10, size: 'small' } : false}
      locale={{ emptyText: t('backups.empty') }}
      onRow={rowProps}
    />
  );
}

/** Each row names its file in `data-file`. */
function rowProps(backup: BackupDto): HTMLAttributes<HTMLElement> {
  return { 'data-file': backup.file_name } as HTMLAttributes<HTMLElement>;
}
