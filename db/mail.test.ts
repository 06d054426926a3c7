import { afterAll, vi } from 'vitest';
import { sqliteHooks } from '@/test/cases/engine';
import type { Db } from './client';
import { runMigrations } from './migrate';

vi.mock('server-only', () => ({}));
vi.mock('./client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./client')>();
  return { ...actual, db: actual.openDatabase(':memory:') };
});

const { db } = (await import('./client')) as { db: Db };
const { mailCases } = await import('@/test/cases/mail');

runMigrations(db);
afterAll(() => db.$client.close());

mailCases(db, () => sqliteHooks(db));
