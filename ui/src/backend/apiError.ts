import type { ApiError, ErrorCode } from '../bindings';

/** Every code the engine sends; a Record so that a code added to `ErrorCode` must be added here too. */
const ERROR_CODES: Readonly<Record<ErrorCode, true>> = {
  validation: true,
  not_found: true,
  conflict: true,
  network: true,
  auth: true,
  rate_limited: true,
  precondition: true,
  disk_full: true,
  damaged: true,
  internal: true,
};

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** Turns whatever a transport rejected with into the engine's `{code, message}` error shape. */
export function toApiError(reason: unknown): ApiError {
  if (typeof reason === 'string') {
    return { code: 'internal', message: reason };
  }
  if (typeof reason === 'object' && reason !== null) {
    const { code, message } = reason as { code?: unknown; message?: unknown };
    const text = typeof message === 'string' ? message : JSON.stringify(reason);
    return { code: isErrorCode(code) ? code : 'internal', message: text };
  }
  return { code: 'internal', message: String(reason) };
}
