import { Space } from 'antd';
import type { SyncStatusDto } from '../bindings';
import { LastSyncError } from './LastSyncError';
import { LastSyncSuccess } from './LastSyncSuccess';
import { SyncProgress } from './SyncProgress';

/** A syncing shop's progress; otherwise when it last synced and its last error in red. */
export function ShopSyncStatus({ sync, syncing }: { sync: SyncStatusDto; syncing: boolean }) {
  if (syncing || sync.running) {
    return <SyncProgress progress={sync.progress} />;
  }
  return (
    <Space size="middle" wrap align="start">
      <LastSyncSuccess at={sync.last_success_at} />
      {sync.last_error !== null && <LastSyncError message={sync.last_error} code={sync.last_error_code} />}
    </Space>
  );
}
