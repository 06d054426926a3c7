import { describe, expect, it } from 'vitest';
import { isStorageError } from './storage-errors';

describe('isStorageError', () => {
  it('recognises a full disk, a read-only database and a lock', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_BUSY', 'SQLITE_IOERR_WRITE']) {
      expect(isStorageError(Object.assign(new Error('x'), { code })), code).toBe(true);
    }
  });

  it('leaves bugs alone', () => {
    expect(isStorageError(new TypeError('x'))).toBe(false);
    expect(isStorageError(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBe(false);
    expect(isStorageError(null)).toBe(false);
  });
});
