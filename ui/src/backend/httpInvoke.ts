import type { ApiError } from '../bindings';
import { toApiError } from './apiError';
import type { Invoke } from './Backend';

async function post(url: string, args: Record<string, unknown> | undefined): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args ?? {}),
    });
  } catch (reason) {
    const error: ApiError = { code: 'network', message: reason instanceof Error ? reason.message : String(reason) };
    throw error;
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    const error: ApiError = { code: 'internal', message: `HTTP ${response.status}: ${text.slice(0, 200)}` };
    throw error;
  }
}

/**
 * Calls a command over the engine's HTTP bridge: `POST {baseUrl}/api/<command>` with the arguments as JSON.
 * A 2xx body is the result; any other status carries an `ApiError` body.
 */
export function httpInvoke(baseUrl = ''): Invoke {
  return async <T>(command: string, args?: Record<string, unknown>): Promise<T> => {
    const response = await post(`${baseUrl}/api/${command}`, args);
    const body = await readJson(response);
    if (!response.ok) {
      throw toApiError(body);
    }
    return body as T;
  };
}
