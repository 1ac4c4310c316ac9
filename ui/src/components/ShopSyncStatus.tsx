import { Space } from 'antd';
import type { Platform, SyncStatusDto } from '../bindings';
import { LastSyncError } from './LastSyncError';
import { LastSyncSuccess } from './LastSyncSuccess';
import { SyncProgress } from './SyncProgress';

/** A syncing shop's progress; otherwise when it last synced and, when its last sync failed, why and what to do. */
export function ShopSyncStatus({ sync, platform, syncing }: { sync: SyncStatusDto; platform: Platform; syncing: boolean }) {
  if (syncing || sync.running) {
    return <SyncProgress progress={sync.progress} />;
  }
  return (
    <Space size="middle" wrap align="start">
      {/* "Not synced yet" says nothing more next to the error of the first sync. */}
      {(sync.last_success_at !== null || sync.last_error === null) && <LastSyncSuccess at={sync.last_success_at} />}
      {sync.last_error !== null && <LastSyncError message={sync.last_error} code={sync.last_error_code} platform={platform} />}
    </Space>
  );
}
