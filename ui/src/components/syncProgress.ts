import type { SyncProgressDto } from '../bindings';

/** How far a sync is, 0–99 while it runs; null when the platform did not say how many orders there are. */
export function progressPercent(progress: SyncProgressDto): number | null {
  if (progress.total === null || progress.total <= 0) {
    return null;
  }
  return Math.max(0, Math.min(99, Math.floor((progress.orders * 100) / progress.total)));
}

export type Eta = { unit: 'underMinute' } | { unit: 'minutes'; count: number } | { unit: 'hours'; count: number };

/** The time left, rounded the way a person says it; null when the engine cannot tell. */
export function etaOf(seconds: number | null): Eta | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) {
    return null;
  }
  if (seconds < 60) {
    return { unit: 'underMinute' };
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    return { unit: 'minutes', count: minutes };
  }
  return { unit: 'hours', count: Math.round(seconds / 3600) };
}
