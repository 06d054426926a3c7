/**
 * Errors that mean "the database cannot take writes right now", as opposed to bugs. An action answers
 * these with a message and the reader's text kept, so nothing typed is lost and nothing half-written
 * is stored.
 * - SQLite: disk full, read-only file, locked past the busy timeout, I/O error.
 * - PostgreSQL: the server down, restarting or refusing connections, a lost connection, a full disk,
 *   too many connections, a statement past its timeout, a deadlock or serialization failure (the
 *   transaction was rolled back whole, so trying again is safe).
 * Drizzle wraps a failed query's error (DrizzleQueryError), so the causes are looked through.
 */
const sqliteCodes = ['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_CANTOPEN'];

/** SQLSTATE classes and codes (PostgreSQL's appendix A). */
const postgresClasses = ['08', '53', '57P']; // connection exception; insufficient resources; operator intervention
const postgresCodes = new Set(['25006', '40001', '40P01', '55P03', '57014']);

/** What node-postgres and Node's sockets raise when the server cannot be reached. */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);
const networkMessages = [/^Connection terminated/, /timeout exceeded when trying to connect/, /Client has encountered a connection error/, /the database system is (starting up|shutting down)/];

function isOwnStorageError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (sqliteCodes.some((prefix) => code === prefix || code.startsWith(`${prefix}_`))) return true;
    if (networkCodes.has(code) || postgresCodes.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && postgresClasses.some((prefix) => code.startsWith(prefix))) return true;
  }
  return typeof message === 'string' && networkMessages.some((pattern) => pattern.test(message));
}

export function isStorageError(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (isOwnStorageError(current)) return true;
    // AggregateError (a connection tried on several addresses) holds its causes in `errors`.
    const inner = (current as { errors?: unknown[] }).errors;
    if (Array.isArray(inner) && inner.some(isOwnStorageError)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export const storageMessage = 'We could not save that just now. Nothing was stored; please try again in a minute.';
