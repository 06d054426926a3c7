import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, postgresMissing, usePostgresDatabase } from '../test/postgres';
import { closeConnection, openPostgres } from './client';
import { withDatabaseLock } from './locks';
import { sections, users } from './schema';
import { loadSampleContent } from './seed-content';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-locks-pg-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));


const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(postgresMissing)(`withDatabaseLock on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { url } = usePostgresDatabase();

  // Two pools stand for two servers.
  const servers = () => {
    const first = openPostgres(url());
    const second = openPostgres(url());
    return { first, second, close: () => Promise.all([closeConnection(first), closeConnection(second)]) };
  };

  it('lets one holder in at a time, the other waiting until it is released', async () => {
    const { first, second, close } = servers();
    try {
      const order: string[] = [];
      let releaseFirst!: () => void;
      const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
      const one = withDatabaseLock(first, 'job', async () => {
        order.push('first in');
        await firstHolds;
        order.push('first out');
      });
      await pause(100);
      const two = withDatabaseLock(second, 'job', () => order.push('second in'), { pollMs: 10 });
      await pause(150);
      expect(order).toEqual(['first in']);
      releaseFirst();
      await Promise.all([one, two]);
      expect(order).toEqual(['first in', 'first out', 'second in']);
    } finally {
      await close();
    }
  });

  it('is free again as soon as its holder’s connection is gone (a holder that died)', async () => {
    const { first, second } = servers();
    try {
      void withDatabaseLock(first, 'abandoned', () => new Promise(() => {})).catch(() => {});
      await pause(100);
      await expect(withDatabaseLock(second, 'abandoned', () => 'no', { waitMs: 200, pollMs: 20 })).rejects.toThrow(/database lock "abandoned"/);
      // The holder's server dies: the server ends its sessions, and their advisory locks with them.
      const admin = new pg.Client({ connectionString: url() });
      await admin.connect();
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid() AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
      await admin.end();
      await expect(withDatabaseLock(second, 'abandoned', () => 'taken over', { waitMs: 5_000, pollMs: 20 })).resolves.toBe('taken over');
    } finally {
      // Not the first pool: its client stays checked out by the work that never ends, and end() would wait for it.
      await closeConnection(second);
    }
  }, 15_000);

  it('gives up with a clear error when the lock stays taken, and releases it when the work throws', async () => {
    const { first, second, close } = servers();
    try {
      let release!: () => void;
      const held = withDatabaseLock(first, 'busy', () => new Promise<void>((resolve) => (release = resolve)));
      await pause(100);
      await expect(withDatabaseLock(second, 'busy', () => undefined, { waitMs: 200, pollMs: 20 })).rejects.toThrow(/Waited 0 s for the database lock "busy"/);
      release();
      await held;
      await expect(withDatabaseLock(first, 'failing', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      await expect(withDatabaseLock(second, 'failing', () => 'free', { waitMs: 500 })).resolves.toBe('free');
    } finally {
      await close();
    }
  });
});

describe.skipIf(postgresMissing)(`three servers starting at once on an empty PostgreSQL database${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  it('migrate, seed and create the first admin once', async () => {
    const url = await createEmptyDatabase('empty');
    const dataDir = path.join(dir, 'start-up');
    const env = { ...process.env, DATABASE_URL: url, DATABASE_PATH: path.join(dataDir, 'broadsheet.db'), AUTH_SECRET: '' };
    const outputs = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<{ code: number | null; output: string }>((resolve) => {
            const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/prepare-db.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
            let output = '';
            child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
            child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
            child.on('exit', (code) => resolve({ code, output }));
          }),
      ),
    );
    const all = outputs.map((run) => run.output).join('\n');
    expect(outputs.map((run) => run.code), all).toEqual([0, 0, 0]);
    expect(all.match(/Seeded sample content into PostgreSQL database empty_/g)).toHaveLength(1);
    expect(all.match(/No admin account existed/g)).toHaveLength(1);
    expect(all).not.toContain(new URL(url).password || 'no password in the URL');

    const database = openPostgres(url);
    try {
      const [sectionRows] = await database.select({ n: count() }).from(sections);
      expect(sectionRows!.n).toBe(loadSampleContent().sections.length);
      expect(await database.select({ id: users.id }).from(users).where(eq(users.role, 'admin'))).toHaveLength(1);
    } finally {
      await closeConnection(database);
    }
    expect(fs.readFileSync(path.join(dataDir, 'initial-admin.txt'), 'utf8')).toMatch(/^email: admin@example\.com\npassword: /);
  }, 120_000);
});
