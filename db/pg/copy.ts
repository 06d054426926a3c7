import Database from 'better-sqlite3';
import { type Column, getTableName, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { runPostgresMigrations } from './migrate';
import * as schema from './schema';

/** The target already holds content: nothing was written. */
export class TargetNotEmptyError extends Error {
  constructor(readonly tables: string[]) {
    super(
      `The PostgreSQL database already holds content (rows in ${tables.join(', ')}): db:copy only copies into an empty one, ` +
        'so that no row is mixed with or overwritten by another site. Give it a new database (createdb …), or empty this one.',
    );
    this.name = 'TargetNotEmptyError';
  }
}

/** The SQLite file is not a Broadsheet database at the current version. */
export class SourceNotReadyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceNotReadyError';
  }
}

export type TableCount = { table: string; sqlite: number; postgres: number };
export type CopyReport = { counts: TableCount[]; matches: boolean };

type TableCopy = { name: string; columns: Column[]; primaryKey: string[]; identity: string | null; selfReferences: string[] };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** PostgreSQL takes at most 65535 parameters per statement. */
const MAX_PARAMETERS = 60_000;

/** The tables of db/pg/schema.ts, each after every table it references (a row's references land first). */
export function tablesInForeignKeyOrder(): TableCopy[] {
  const configs = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable)).map((table) => getTableConfig(table));
  const byName = new Map(configs.map((config) => [config.name, config]));
  const ordered: TableCopy[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (name: string) => {
    if (placed.has(name)) return;
    if (visiting.has(name)) throw new Error(`The foreign keys of ${name} go round in a circle: db:copy cannot order them`);
    visiting.add(name);
    const config = byName.get(name)!;
    const selfReferences: string[] = [];
    for (const key of config.foreignKeys) {
      const { columns, foreignColumns } = key.reference();
      const target = getTableName(foreignColumns[0]!.table);
      if (target === name) selfReferences.push(...columns.map((column) => column.name));
      else place(target);
    }
    visiting.delete(name);
    placed.add(name);
    const columns = config.columns.filter((column) => !column.generated && !schema.postgresOnlyColumns.includes(`${name}.${column.name}`));
    const primaryKey = config.primaryKeys[0]?.columns.map((column) => column.name) ?? config.columns.filter((column) => column.primary).map((column) => column.name);
    const identity = config.columns.find((column) => column.generatedIdentity)?.name ?? null;
    ordered.push({ name, columns, primaryKey, identity, selfReferences });
  };
  for (const config of configs) place(config.name);
  return ordered;
}

/** An SQLite value as PostgreSQL's column wants it: ms integers become Dates, 0/1 booleans; JSON text goes as text. */
function convert(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.dataType === 'date') return new Date(value as number);
  if (column.dataType === 'boolean') return value === 1 || value === true;
  return value;
}

function checkSource(sqlite: Database.Database, tables: TableCopy[]) {
  for (const table of tables) {
    const present = new Set((sqlite.pragma(`table_info(${quote(table.name)})`) as { name: string }[]).map((row) => row.name));
    const missing = table.columns.filter((column) => !present.has(column.name)).map((column) => column.name);
    if (present.size === 0 || missing.length > 0) {
      throw new SourceNotReadyError(
        `The SQLite database has no ${present.size === 0 ? `table ${table.name}` : `column ${missing.join(', ')} in ${table.name}`}: ` +
          'it is not a Broadsheet database, or not at this version (run `npm run db:migrate` with DATABASE_PATH set to it first).',
      );
    }
  }
}

async function tablesWithRows(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const full: string[] = [];
  for (const { name } of rows) {
    const result = await client.query(`SELECT 1 FROM ${quote(name)} LIMIT 1`);
    if (result.rowCount) full.push(name);
  }
  return full;
}

async function copyTable(sqlite: Database.Database, client: pg.PoolClient, table: TableCopy, batchSize: number) {
  const names = table.columns.map((column) => column.name);
  const order = (table.primaryKey.length > 0 ? table.primaryKey : ['rowid']).map(quote).join(', ');
  const rows = sqlite.prepare(`SELECT ${names.map(quote).join(', ')} FROM ${quote(table.name)} ORDER BY ${order}`).raw(true);
  const perBatch = Math.max(1, Math.min(batchSize, Math.floor(MAX_PARAMETERS / names.length)));
  const selfIndexes = table.selfReferences.map((name) => names.indexOf(name));
  const idIndex = table.identity ? names.indexOf(table.identity) : -1;
  const seen = new Set<unknown>();
  // A reference to a row further on (a reply filed before its parent) is written once that row is in.
  const later: { id: unknown; column: string; value: unknown }[] = [];
  let batch: unknown[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch.map((_, row) => `(${names.map((__, column) => `$${row * names.length + column + 1}`).join(', ')})`);
    await client.query(`INSERT INTO ${quote(table.name)} (${names.map(quote).join(', ')}) VALUES ${values.join(', ')}`, batch.flat());
    batch = [];
  };
  for (const raw of rows.iterate() as IterableIterator<unknown[]>) {
    const row = raw.map((value, index) => convert(table.columns[index]!, value));
    if (idIndex >= 0) {
      for (const index of selfIndexes) {
        const target = row[index];
        if (target !== null && !seen.has(target)) {
          later.push({ id: row[idIndex], column: names[index]!, value: target });
          row[index] = null;
        }
      }
      seen.add(row[idIndex]);
    }
    batch.push(row);
    if (batch.length >= perBatch) await flush();
  }
  await flush();
  for (const { id, column, value } of later) {
    await client.query(`UPDATE ${quote(table.name)} SET ${quote(column)} = $1 WHERE ${quote(table.identity!)} = $2`, [value, id]);
  }
  if (table.identity) {
    // The next id PostgreSQL hands out comes after the highest copied one (or is 1 for an empty table).
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${quote(table.identity)}), 1), max(${quote(table.identity)}) IS NOT NULL) FROM ${quote(table.name)}`,
      [quote(table.name), table.identity],
    );
  }
}

/**
 * Copies a Broadsheet SQLite database into an empty PostgreSQL one: migrates the target, refuses it
 * when any table holds a row (drizzle's own migration table aside, which is in its own schema), then
 * copies every table in foreign-key order, ids kept, in one transaction; sets each identity sequence
 * past the highest id. The search document fills itself (a generated column; its byline names
 * through the triggers of migration 0001). Returns the row counts of both sides, per table.
 */
export async function copySqliteToPostgres({ from, pool, batchSize = 500 }: { from: string; pool: pg.Pool; batchSize?: number }): Promise<CopyReport> {
  const tables = tablesInForeignKeyOrder();
  const sqlite = new Database(from, { readonly: true, fileMustExist: true });
  try {
    checkSource(sqlite, tables);
    await runPostgresMigrations(pool);
    const client = await pool.connect();
    // One read transaction: every table is read as of one moment, even if the site is still writing.
    sqlite.exec('BEGIN');
    const sqliteCounts = new Map<string, number>();
    try {
      for (const { name } of tables) {
        sqliteCounts.set(name, (sqlite.prepare(`SELECT count(*) AS n FROM ${quote(name)}`).get() as { n: number }).n);
      }
      await client.query('BEGIN');
      const full = await tablesWithRows(client);
      if (full.length > 0) throw new TargetNotEmptyError(full);
      for (const table of tables) await copyTable(sqlite, client, table, batchSize);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      sqlite.exec('COMMIT');
      client.release();
    }
    // Statistics for the planner now, not whenever autovacuum gets round to it: without them the
    // first hours of a copied site plan every comment post's checks as scans of the whole table.
    await pool.query('ANALYZE');
    const counts: TableCount[] = [];
    for (const { name } of tables) {
      const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(name)}`);
      counts.push({ table: name, sqlite: sqliteCounts.get(name)!, postgres: rows[0]!.n });
    }
    return { counts, matches: counts.every((count) => count.sqlite === count.postgres) };
  } finally {
    sqlite.close();
  }
}

/** The counts as a table to print, one line per table. */
export function formatCounts(counts: TableCount[]): string {
  const width = Math.max(...counts.map((count) => count.table.length), 'table'.length);
  const line = (table: string, a: string, b: string, note = '') => `${table.padEnd(width)}  ${a.padStart(8)}  ${b.padStart(10)}${note}`;
  return [
    line('table', 'SQLite', 'PostgreSQL'),
    ...counts.map((count) => line(count.table, String(count.sqlite), String(count.postgres), count.sqlite === count.postgres ? '' : '  differs')),
  ].join('\n');
}
