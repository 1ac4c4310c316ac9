import { listen } from '@tauri-apps/api/event';
import type { DeskChanged } from '../bindings';
import { backendOver, type Backend } from './Backend';
import { withCallChanges, type ChangeSource } from './changes';
import { httpInvoke } from './httpInvoke';
import { tauriInvoke } from './tauriInvoke';

/** The shell's `desk-changed` events: every change, whoever made it. */
const shellChanges: ChangeSource = (listener) => {
  const stop = listen<DeskChanged>('desk-changed', (event) => listener(event.payload.areas));
  return () => void stop.then((unlisten) => unlisten());
};

/**
 * The desktop shell when running inside Tauri (what changed comes from its events), the engine's HTTP bridge
 * when running in a plain browser (what changed is what each call's command declares).
 */
export function createBackend(): { backend: Backend; changes: ChangeSource } {
  if ('__TAURI_INTERNALS__' in window) {
    return { backend: backendOver(tauriInvoke), changes: shellChanges };
  }
  return withCallChanges(backendOver(httpInvoke()));
}
