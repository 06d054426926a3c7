import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SIGN_IN_LIMIT } from '@/lib/sign-in-throttle';
import { sqliteHooks } from '@/test/cases/engine';
import { type Db, openDatabase } from './client';
import { runMigrations } from './migrate';
import { loginFailures } from './schema';

vi.mock('./client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./client')>();
  return { ...actual, db: actual.openDatabase(':memory:') };
});

const { db } = (await import('./client')) as { db: Db };
const { userCases } = await import('@/test/cases/users');

runMigrations(db);
afterAll(() => db.$client.close());

userCases(db, () => sqliteHooks(db));

describe('checkSignIn from two processes on one SQLite file', () => {
  it(`lets exactly ${SIGN_IN_LIMIT} wrong attempts be tried between them, and refuses the rest`, async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-sign-in-'));
    const file = path.join(folder, 'db.sqlite');
    const shared = openDatabase(file);
    try {
      runMigrations(shared);
      // Both start at the same moment, once both have loaded (a process takes a second or two to start).
      const startAt = String(Date.now() + 4000);
      const worker = () =>
        promisify(execFile)(path.resolve('node_modules/.bin/tsx'), ['test/cases/sign-in-worker.ts'], {
          env: { ...process.env, DATABASE_URL: '', DATABASE_PATH: file, EMAIL: 'ada@example.com', IP: '192.0.2.1', ATTEMPTS: String(SIGN_IN_LIMIT), START_AT: startAt },
        });
      const outputs = await Promise.all([worker(), worker()]);
      const kinds = outputs.flatMap((output) => JSON.parse(output.stdout) as string[]);
      expect(kinds.filter((kind) => kind === 'invalid')).toHaveLength(SIGN_IN_LIMIT);
      expect(kinds.filter((kind) => kind === 'throttled')).toHaveLength(SIGN_IN_LIMIT);
      expect(await shared.select({ id: loginFailures.id }).from(loginFailures)).toHaveLength(SIGN_IN_LIMIT);
    } finally {
      shared.$client.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 30_000);
});
