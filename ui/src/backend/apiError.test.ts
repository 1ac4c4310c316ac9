import { describe, expect, it } from 'vitest';
import { toApiError } from './apiError';

describe('toApiError', () => {
  it.each([
    ['a serialized engine error', { code: 'auth', message: 'token rejected' }, { code: 'auth', message: 'token rejected' }],
    ['a plain string (how Tauri rejects on a panic or a missing command)', 'command not found', { code: 'internal', message: 'command not found' }],
    ['a full disk', { code: 'disk_full', message: 'no space left on device' }, { code: 'disk_full', message: 'no space left on device' }],
    ['a damaged database file', { code: 'damaged', message: 'integrity check failed' }, { code: 'damaged', message: 'integrity check failed' }],
    ['an object with an unknown code', { code: 'teapot', message: 'short and stout' }, { code: 'internal', message: 'short and stout' }],
    ['an object without a message', { code: 'conflict' }, { code: 'conflict', message: '{"code":"conflict"}' }],
    ['a name an object inherits', { code: 'toString', message: 'x' }, { code: 'internal', message: 'x' }],
    ['something else entirely', 42, { code: 'internal', message: '42' }],
  ])('maps %s to an ApiError', (_case, reason, expected) => {
    expect(toApiError(reason)).toEqual(expected);
  });
});
