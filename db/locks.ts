/**
 * Locks in the database, for work that must happen once however many app servers start or run at
 * the same time on one database: the start-up's migrations, sample content and first admin
 * (scripts/prepare-db.ts). A lock is a row in `broadsheet_locks` with a lease: its holder renews it
 * while it works, and a holder that died (kill -9, a lost machine) loses it when the lease runs out.
 *
 * The table is created here, not by a migration, because the migrations themselves run under a lock.
 * On PostgreSQL the lock is a session advisory lock instead, held on one connection of its own for
 * the whole work: the server releases it when that connection ends, however its holder died, so no
 * lease is needed there.
 * Not 'server-only': the start-up scripts use it.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type pg from 'pg';
import { type Db, isPostgres } from './client';

export type LockOptions = {
  /** How long the lock is held without a renewal before another process may take it. */
  leaseMs?: number;
  /** How long to wait for a lock another process holds before giving up with an error. */
  waitMs?: number;
  /** How often to ask again while waiting. */
  pollMs?: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Not in db/schema.ts: drizzle-kit's migrations must not create it, since they run under it. */
const locks = sqliteTable('broadsheet_locks', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: integer('expires_at').notNull(),
});

function ensureLockTable(database: Db) {
  database.run(sql`CREATE TABLE IF NOT EXISTS broadsheet_locks (name TEXT PRIMARY KEY NOT NULL, holder TEXT NOT NULL, expires_at INTEGER NOT NULL)`);
}

/** Takes the lock if it is free, its lease ran out or this holder has it; true when this holder has it now. */
function tryAcquire(database: Db, name: string, holder: string, leaseMs: number): boolean {
  const now = Date.now();
  const taken = database
    .insert(locks)
    .values({ name, holder, expiresAt: now + leaseMs })
    .onConflictDoUpdate({
      target: locks.name,
      set: { holder, expiresAt: now + leaseMs },
      setWhere: or(lt(locks.expiresAt, now), eq(locks.holder, holder)),
    })
    .returning({ name: locks.name })
    .all();
  return taken.length === 1;
}

function renew(database: Db, name: string, holder: string, leaseMs: number) {
  database.update(locks).set({ expiresAt: Date.now() + leaseMs }).where(and(eq(locks.name, name), eq(locks.holder, holder))).run();
}

function release(database: Db, name: string, holder: string) {
  database.delete(locks).where(and(eq(locks.name, name), eq(locks.holder, holder))).run();
}

/**
 * Runs `work` while holding the named lock, waiting for it while another process holds it. Whoever
 * waited then finds the work done (its own checks see the migrations applied, the content seeded).
 */
export async function withDatabaseLock<T>(database: Db, name: string, work: () => Promise<T> | T, options: LockOptions = {}): Promise<T> {
  const { leaseMs = 60_000, waitMs = 5 * 60_000, pollMs = 100 } = options;
  if (isPostgres(database)) return withAdvisoryLock(database.$client as unknown as pg.Pool, name, work, { waitMs, pollMs });
  ensureLockTable(database);
  const holder = `${os.hostname()}:${process.pid}:${crypto.randomUUID()}`;
  const giveUpAt = Date.now() + waitMs;
  while (!tryAcquire(database, name, holder, leaseMs)) {
    if (Date.now() > giveUpAt) throw waitedTooLong(name, waitMs);
    await sleep(pollMs);
  }
  let renewalFailed = false;
  const renewal = setInterval(() => {
    try {
      renew(database, name, holder, leaseMs);
    } catch (error) {
      // The work goes on; if the lease runs out meanwhile, another process may start the same work.
      if (!renewalFailed) console.error(`The database lock "${name}" could not be renewed.`, error);
      renewalFailed = true;
    }
  }, Math.max(leaseMs / 3, 10));
  renewal.unref();
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    release(database, name, holder);
  }
}

const waitedTooLong = (name: string, waitMs: number) =>
  new Error(`Waited ${Math.round(waitMs / 1000)} s for the database lock "${name}", which another process holds.`);

/**
 * PostgreSQL: `pg_try_advisory_lock`, asked every `pollMs` rather than `pg_advisory_lock`, so that
 * the wait can give up after `waitMs` with the same error as SQLite's. The key is the name hashed
 * as db/transact.ts's `lock` hashes its keys, under a prefix of its own so the two never meet.
 */
async function withAdvisoryLock<T>(pool: pg.Pool, name: string, work: () => Promise<T> | T, { waitMs, pollMs }: { waitMs: number; pollMs: number }): Promise<T> {
  const key = `broadsheet_locks:${name}`;
  const client = await pool.connect();
  // A connection whose lock state is in doubt (a statement on it failed) is closed, never pooled:
  // closing it releases whatever it holds.
  let healthy = true;
  const query = async (text: string) => {
    try {
      const { rows } = await client.query<{ taken: boolean }>(text, [key]);
      return rows[0];
    } catch (error) {
      healthy = false;
      throw error;
    }
  };
  // A checked-out client whose connection drops emits 'error', which would end the process unheard.
  const lost = (error: Error) => {
    healthy = false;
    console.error(`The connection holding the database lock "${name}" was lost; the lock went with it.`, error.message);
  };
  client.on('error', lost);
  try {
    const giveUpAt = Date.now() + waitMs;
    while (!(await query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS taken'))?.taken) {
      if (Date.now() > giveUpAt) throw waitedTooLong(name, waitMs);
      await sleep(pollMs);
    }
    try {
      return await work();
    } finally {
      await query('SELECT pg_advisory_unlock(hashtextextended($1, 0))').catch((error: unknown) => {
        console.error(`The database lock "${name}" could not be released; its connection is closed instead.`, error);
      });
    }
  } finally {
    client.off('error', lost);
    client.release(!healthy);
  }
}
