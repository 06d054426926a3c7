/**
 * Backups and restores of the SQLite file with SQLite's online backup API (better-sqlite3's
 * `database.backup()`), for `npm run backup` and `npm run restore`. No 'server-only': only scripts
 * use it, and it opens its own connections.
 *
 * A backup runs while the site serves and takes comments: the copy is made in one read transaction,
 * which in WAL mode never blocks the site's writers, so it is the database as of one moment. A
 * restore replaces the whole file, so it refuses to run while any process has the database open.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseEngine } from './engine';
import { migrationsFolder } from './migrate';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** A page count larger than any database: the whole copy in one step, hence one consistent snapshot. */
const ALL_PAGES = 0x7fffffff;

/** The tables a Broadsheet database cannot do without (later migrations may add more). */
export const requiredTables = ['__drizzle_migrations', 'sections', 'authors', 'articles', 'comments', 'settings', 'users'] as const;

export class BackupError extends Error {}
export class DatabaseInUseError extends BackupError {}

/**
 * These commands copy SQLite files. On PostgreSQL (DATABASE_URL) they would copy a file the site does
 * not use, so they refuse, and say what does the job there: PostgreSQL's own pg_dump and pg_restore.
 * Null on SQLite.
 */
export function postgresRefusal(command: 'backup' | 'restore'): string | null {
  if (databaseEngine() !== 'postgres') return null;
  const intro = `DATABASE_URL is set: the site's database is PostgreSQL, and \`npm run ${command}\` copies SQLite files only.`;
  return command === 'backup'
    ? `${intro} Back it up with PostgreSQL's own tool, which takes a consistent copy while the site runs:\n` +
        `  pg_dump --format=custom --file=FILE "$DATABASE_URL"`
    : `${intro} Stop the site, then restore a pg_dump backup with PostgreSQL's own tool:\n` +
        `  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" FILE\n` +
        `and, with REDIS_URL, empty Redis before starting the site (cached pages show the replaced content):\n` +
        `  redis-cli -u "$REDIS_URL" --scan --pattern 'broadsheet:*' | xargs -r redis-cli -u "$REDIS_URL" unlink`;
}

export type DatabaseReport = {
  file: string;
  bytes: number;
  /** `PRAGMA integrity_check`: ['ok'] for a sound file, otherwise what is wrong (at most 20 lines). */
  integrity: string[];
  missingTables: string[];
  /** Made by a newer version of Broadsheet (migrations this code does not know). */
  newerSchema: boolean;
  counts: { articles: number; comments: number };
  /** Empty when the file is fit to restore. */
  problems: string[];
};

/** Reads a file as a Broadsheet database without changing it, and says whether it can be restored. */
export function inspectDatabaseFile(file: string): DatabaseReport {
  const report: DatabaseReport = {
    file: path.resolve(file),
    bytes: 0,
    integrity: [],
    missingTables: [],
    newerSchema: false,
    counts: { articles: 0, comments: 0 },
    problems: [],
  };
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    report.problems.push(`There is no file at ${report.file}.`);
    return report;
  }
  report.bytes = fs.statSync(file).size;
  if (!hasSqliteHeader(file)) {
    report.problems.push(`${report.file} is not a SQLite database.`);
    return report;
  }
  let database: Database.Database;
  try {
    database = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    report.problems.push(`${report.file} cannot be opened: ${(error as Error).message}`);
    return report;
  }
  try {
    report.integrity = integrityCheck(database);
    if (report.integrity.join() !== 'ok') report.problems.push(`integrity_check failed: ${report.integrity.join('; ')}`);
    const tables = new Set(
      database
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .pluck()
        .all() as string[],
    );
    report.missingTables = requiredTables.filter((table) => !tables.has(table));
    if (report.missingTables.length) report.problems.push(`It is not a Broadsheet database: no ${report.missingTables.join(', ')} table.`);
    if (tables.has('__drizzle_migrations')) {
      const latest = database.prepare('SELECT max(created_at) FROM __drizzle_migrations').pluck().get() as number | null;
      report.newerSchema = latest !== null && Number(latest) > latestKnownMigration();
      if (report.newerSchema) report.problems.push('It was made by a newer version of Broadsheet (it has migrations this version does not know).');
    }
    if (tables.has('articles') && tables.has('comments')) report.counts = countRows(database);
  } catch (error) {
    report.problems.push(`${report.file} cannot be read: ${(error as Error).message}`);
  } finally {
    database.close();
  }
  return report;
}

/**
 * Copies the database at `source` into a new file at `destination` while other connections keep
 * reading and writing. The copy is written beside the destination, checked, switched to a rollback
 * journal (one self-contained file), and only then given its name.
 */
export async function backupDatabase(source: string, destination: string): Promise<DatabaseReport> {
  refuseOnPostgres('backup');
  const from = path.resolve(source);
  const to = path.resolve(destination);
  if (!fs.existsSync(from)) throw new BackupError(`There is no database at ${from}.`);
  if (from === to) throw new BackupError('The backup must go to another file than the database itself.');
  if (fs.existsSync(to)) throw new BackupError(`${to} already exists: choose a new file name (an existing backup is never overwritten).`);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const partial = `${to}.partial-${process.pid}`;
  removeDatabaseFiles(partial);
  try {
    const database = new Database(from, { fileMustExist: true });
    try {
      database.pragma('busy_timeout = 5000');
      await database.backup(partial, { progress: () => ALL_PAGES });
    } finally {
      database.close();
    }
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const report = inspectDatabaseFile(partial);
    if (report.problems.length) throw new BackupError(`The copy failed its checks: ${report.problems.join(' ')}`);
    // It holds commenters' emails and addresses and the staff's password hashes: for the owner's eyes only.
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, to);
    return { ...report, file: to };
  } finally {
    removeDatabaseFiles(partial);
  }
}

export type RestoreResult = { report: DatabaseReport; target: string; previous: string | null };

/**
 * Puts the database in `backupFile` in place of the one at `target`. It refuses while the target is
 * open anywhere (a running site would keep writing to the file being replaced, and its page cache
 * would not match): switching a WAL database out of WAL mode needs every other connection gone, so
 * that switch is the test, and it also folds the WAL into the file. The backup is copied with the
 * backup API into a new file beside the target, checked, and renamed over it; the file it replaces
 * is kept as `<target>.before-restore-<time>`.
 */
export async function restoreDatabase(backupFile: string, target: string, now = new Date()): Promise<RestoreResult> {
  refuseOnPostgres('restore');
  const from = path.resolve(backupFile);
  const to = path.resolve(target);
  if (from === to) throw new BackupError('The backup to restore is the database itself.');
  const report = inspectDatabaseFile(from);
  if (report.problems.length) throw new BackupError(report.problems.join('\n'));

  if (fs.existsSync(to)) takeOutOfUse(to);
  // A journal left beside the target belongs to no database once the file is replaced: SQLite would
  // replay it into the restored file.
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (fs.existsSync(to + suffix)) {
      if (fs.existsSync(to)) throw new BackupError(`${to}${suffix} is still there: stop the site first.`);
      fs.rmSync(to + suffix);
    }
  }

  fs.mkdirSync(path.dirname(to), { recursive: true });
  const incoming = `${to}.restoring-${process.pid}`;
  removeDatabaseFiles(incoming);
  try {
    const backup = new Database(from, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(incoming, { progress: () => ALL_PAGES });
    } finally {
      backup.close();
    }
    const copied = inspectDatabaseFile(incoming);
    if (copied.problems.length) throw new BackupError(`The restored copy failed its checks: ${copied.problems.join(' ')}`);
    let previous: string | null = null;
    if (fs.existsSync(to)) {
      previous = `${to}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(to, previous);
    }
    fs.renameSync(incoming, to);
    return { report: { ...copied, file: to }, target: to, previous };
  } finally {
    removeDatabaseFiles(incoming);
  }
}

/** Fails with DatabaseInUseError when another connection has the database open. */
function takeOutOfUse(file: string) {
  const database = new Database(file, { fileMustExist: true });
  try {
    database.pragma('busy_timeout = 1000');
    // BEGIN EXCLUSIVE would not do: in WAL mode an idle connection holds no lock that it conflicts with.
    database.pragma('journal_mode = DELETE');
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new DatabaseInUseError(`The database at ${file} is in use. Stop the site first, then run the restore again.`);
    }
    throw error;
  } finally {
    database.close();
  }
}

function hasSqliteHeader(file: string): boolean {
  const handle = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(handle, header, 0, header.length, 0);
    return read === header.length && header.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(handle);
  }
}

function integrityCheck(database: Database.Database): string[] {
  return database.prepare('PRAGMA integrity_check(20)').pluck().all() as string[];
}

function countRows(database: Database.Database) {
  const count = (table: 'articles' | 'comments') => Number(database.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  return { articles: count('articles'), comments: count('comments') };
}

/** The `when` of the newest migration this code ships: drizzle records it as the migration's created_at. */
function latestKnownMigration(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return Math.max(0, ...journal.entries.map((entry) => entry.when));
}

function removeDatabaseFiles(file: string) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

function refuseOnPostgres(command: 'backup' | 'restore') {
  const refusal = postgresRefusal(command);
  if (refusal) throw new BackupError(refusal);
}
