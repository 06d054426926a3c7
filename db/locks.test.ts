import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { withDatabaseLock } from './locks';
import { sections, users } from './schema';
import { loadSampleContent } from './seed-content';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-locks-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('withDatabaseLock', () => {
  // Two connections on one file stand for two processes.
  const file = path.join(dir, 'locks.db');
  const first = openDatabase(file);
  const second = openDatabase(file);
  afterAll(() => {
    first.$client.close();
    second.$client.close();
  });

  it('lets one holder in at a time, the other waiting until it is released', async () => {
    const order: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    const one = withDatabaseLock(first, 'job', async () => {
      order.push('first in');
      await firstHolds;
      order.push('first out');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const two = withDatabaseLock(second, 'job', () => order.push('second in'), { pollMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(order).toEqual(['first in']);
    releaseFirst();
    await Promise.all([one, two]);
    expect(order).toEqual(['first in', 'first out', 'second in']);
  });

  it('takes over a lock whose holder died (its lease ran out)', async () => {
    // A holder that never releases: its work never ends, and it renews nothing once "dead".
    const dead = openDatabase(file);
    void withDatabaseLock(dead, 'abandoned', () => new Promise(() => {}), { leaseMs: 300 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    dead.$client.close(); // its renewals now fail; the lease runs out
    const started = Date.now();
    await withDatabaseLock(second, 'abandoned', () => undefined, { pollMs: 20 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('gives up with a clear error when the lock stays taken', async () => {
    let release!: () => void;
    const held = withDatabaseLock(first, 'busy', () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(withDatabaseLock(second, 'busy', () => undefined, { waitMs: 200, pollMs: 20 })).rejects.toThrow(/Waited 0 s for the database lock "busy"/);
    release();
    await held;
  });

  it('releases the lock when the work throws', async () => {
    await expect(withDatabaseLock(first, 'failing', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(withDatabaseLock(second, 'failing', () => 'free', { waitMs: 500 })).resolves.toBe('free');
  });
});

describe('three servers starting at once on an empty database', () => {
  it('migrate, seed and create the first admin once', async () => {
    const dataDir = path.join(dir, 'start-up');
    const env = { ...process.env, DATABASE_PATH: path.join(dataDir, 'broadsheet.db'), AUTH_SECRET: '' };
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
    expect(outputs.map((run) => run.code)).toEqual([0, 0, 0]);
    const all = outputs.map((run) => run.output).join('\n');
    expect(all.match(/Seeded sample content/g)).toHaveLength(1);
    expect(all.match(/No admin account existed/g)).toHaveLength(1);

    const database = openDatabase(env.DATABASE_PATH);
    try {
      const [sectionRows] = database.select({ n: count() }).from(sections).all();
      expect(sectionRows!.n).toBe(loadSampleContent().sections.length);
      expect(database.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).all()).toHaveLength(1);
    } finally {
      database.$client.close();
    }
    // One secret for all three, whole.
    expect(fs.readFileSync(path.join(dataDir, 'auth-secret'), 'utf8')).toMatch(/^[\w-]{43}$/);
    expect(fs.readdirSync(dataDir).filter((name) => name.startsWith('auth-secret.'))).toEqual([]);
  }, 120_000);
});
