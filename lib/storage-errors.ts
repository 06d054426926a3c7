/**
 * Errors that mean "the database cannot take writes right now" (disk full, read-only file, locked
 * past the busy timeout, I/O error), as opposed to bugs. An action answers these with a message and
 * the reader's text kept, so nothing typed is lost and nothing half-written is stored.
 */
const storageCodes = new Set(['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_CANTOPEN']);

export function isStorageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && [...storageCodes].some((prefix) => code === prefix || code.startsWith(`${prefix}_`));
}

export const storageMessage = 'We could not save that just now. Nothing was stored; please try again in a minute.';
