/**
 * Transactions written once for both engines. better-sqlite3's transactions are synchronous (a body
 * that awaits is refused), PostgreSQL's are asynchronous; so a transaction body is a generator that
 * yields each statement through `all`, `get`, `run` or `lock` and gets its result back:
 *
 *   return transact(db, function* (tx) {
 *     yield* lock(`flood:${email}`);
 *     const [row] = yield* all(tx.select().from(comments).where(…));
 *     yield* run(tx.insert(comments).values(…));
 *     return row;
 *   });
 *
 * On SQLite the generator is driven synchronously inside one IMMEDIATE transaction (the write lock is
 * taken at BEGIN, so concurrent writers, in this process or another, queue); on PostgreSQL it is
 * driven with awaits inside one READ COMMITTED transaction, where `lock` takes a transaction-level
 * advisory lock: the guard that makes check-then-insert rules (flood control, throttles, the last
 * admin) race-free there. An error thrown by a statement is thrown into the generator, so `try` in
 * a body works on both; an error that leaves the body rolls the transaction back.
 *
 * Never call `.all()`, `.get()` or `.run()` on a query directly outside db/sqlite/: they exist only on
 * SQLite's builders (ESLint refuses them).
 */
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { type Db, isPostgres } from './client';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

type Step =
  | { kind: 'all'; query: { all(): unknown } }
  | { kind: 'get'; query: { get(): unknown } }
  | { kind: 'run'; query: { run(): unknown } }
  | { kind: 'lock'; key: string };

export type TransactionBody<T> = Generator<Step, T, unknown>;

/** Every row the query gives. */
export function* all<T>(query: { all(): T[] }): Generator<Step, T[], unknown> {
  return (yield { kind: 'all', query }) as T[];
}

/** The first row the query gives, or undefined. */
export function* get<T>(query: { get(): T }): Generator<Step, T | undefined, unknown> {
  return (yield { kind: 'get', query }) as T | undefined;
}

/** Runs a statement for its effect. */
export function* run(query: { run(): unknown }): Generator<Step, void, unknown> {
  yield { kind: 'run', query };
}

/**
 * Serializes this transaction with every other that locks the same key, until it ends. On SQLite
 * nothing more is needed (an IMMEDIATE transaction already excludes every other writer).
 */
export function* lock(key: string): Generator<Step, void, unknown> {
  yield { kind: 'lock', key };
}

/** Runs the body in one transaction on the database's engine; see the module's comment. */
export function transact<T>(database: Db, body: (tx: Tx) => TransactionBody<T>): Promise<T> {
  if (isPostgres(database)) return transactOnPostgres(database as unknown as NodePgDatabase, body);
  try {
    return Promise.resolve(database.transaction((tx) => driveSync(body(tx)), { behavior: 'immediate' }));
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

/**
 * Runs a body inside a SQLite transaction already open on `database` (better-sqlite3's own, as the
 * posting path's prepared statements use): its steps run synchronously on that connection.
 */
export function runInOpenSqliteTransaction<T>(database: Db, body: (tx: Tx) => TransactionBody<T>): T {
  return driveSync(body(database as unknown as Tx));
}

function driveSync<T>(body: TransactionBody<T>): T {
  let step = body.next();
  while (!step.done) {
    let result: unknown;
    try {
      result = runSync(step.value);
    } catch (error) {
      step = body.throw(error);
      continue;
    }
    step = body.next(result);
  }
  return step.value;
}

function runSync(step: Step): unknown {
  switch (step.kind) {
    case 'all':
      return step.query.all();
    case 'get':
      return step.query.get();
    case 'run':
      step.query.run();
      return undefined;
    case 'lock':
      return undefined;
  }
}

function transactOnPostgres<T>(database: NodePgDatabase, body: (tx: Tx) => TransactionBody<T>): Promise<T> {
  return database.transaction(async (tx) => {
    const steps = body(tx as unknown as Tx);
    let step = steps.next();
    while (!step.done) {
      let result: unknown;
      try {
        result = await runOnPostgres(tx, step.value);
      } catch (error) {
        step = steps.throw(error);
        continue;
      }
      step = steps.next(result);
    }
    return step.value;
  });
}

type PgTx = Parameters<Parameters<NodePgDatabase['transaction']>[0]>[0];

async function runOnPostgres(tx: PgTx, step: Step): Promise<unknown> {
  switch (step.kind) {
    case 'all':
      return await (step.query as unknown as PromiseLike<unknown[]>);
    case 'get':
      return (await (step.query as unknown as PromiseLike<unknown[]>))[0];
    case 'run':
      await (step.query as unknown as PromiseLike<unknown>);
      return undefined;
    case 'lock':
      // hashtextextended: a 64-bit key from the text, as pg_advisory_xact_lock(bigint) takes.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${step.key}, 0))`);
      return undefined;
  }
}
