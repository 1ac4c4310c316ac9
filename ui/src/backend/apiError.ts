import type { ApiError, ErrorCode } from '../bindings';

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'validation',
  'not_found',
  'conflict',
  'network',
  'auth',
  'rate_limited',
  'precondition',
  'internal',
]);

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && ERROR_CODES.has(value);
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
