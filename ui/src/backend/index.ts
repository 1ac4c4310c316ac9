import { backendOver, type Backend } from './Backend';
import { httpInvoke } from './httpInvoke';
import { tauriInvoke } from './tauriInvoke';

/** The desktop shell when running inside Tauri, the engine's HTTP bridge when running in a plain browser. */
export function createBackend(): Backend {
  const insideTauri = '__TAURI_INTERNALS__' in window;
  return backendOver(insideTauri ? tauriInvoke : httpInvoke());
}
