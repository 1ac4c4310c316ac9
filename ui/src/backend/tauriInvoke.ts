import { invoke } from '@tauri-apps/api/core';
import { toApiError } from './apiError';
import type { Invoke } from './Backend';

/** Calls a command of the desktop shell over Tauri IPC. */
export const tauriInvoke: Invoke = async (command, args) => {
  try {
    return await invoke(command, args);
  } catch (reason) {
    throw toApiError(reason);
  }
};
