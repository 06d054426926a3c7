import { describe, expect, it } from 'vitest';
import { isStorageError } from './storage-errors';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isStorageError', () => {
  it('recognises a full disk, a read-only database and a lock on SQLite', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_BUSY', 'SQLITE_IOERR_WRITE']) {
      expect(isStorageError(withCode(code)), code).toBe(true);
    }
  });

  it('recognises PostgreSQL down, restarting, out of room or rolling back a conflict', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006', '53300', '53100', '40001', '40P01', '57014']) {
      expect(isStorageError(withCode(code)), code).toBe(true);
    }
    expect(isStorageError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isStorageError(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('looks through the error Drizzle wraps a failed query in, and through an AggregateError', () => {
    expect(isStorageError(new Error('Failed query: insert …', { cause: withCode('57P01') }))).toBe(true);
    expect(isStorageError(new Error('Failed query', { cause: new AggregateError([withCode('ECONNREFUSED')]) }))).toBe(true);
  });

  it('leaves bugs alone', () => {
    expect(isStorageError(new TypeError('x'))).toBe(false);
    expect(isStorageError(withCode('SQLITE_CONSTRAINT_UNIQUE'))).toBe(false);
    expect(isStorageError(withCode('23505'))).toBe(false); // unique violation
    expect(isStorageError(withCode('42P01'))).toBe(false); // undefined table
    expect(isStorageError(new Error('Failed query', { cause: withCode('23503') }))).toBe(false);
    expect(isStorageError(null)).toBe(false);
  });
});
