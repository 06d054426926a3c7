import { afterAll, vi } from 'vitest';
import type { Db } from './client';
import { runMigrations } from './migrate';

vi.mock('server-only', () => ({}));
vi.mock('next/cache', () => ({ cacheLife: () => {}, cacheTag: () => {} }));
vi.mock('./client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./client')>();
  return { ...actual, db: actual.openDatabase(':memory:') };
});

const { db } = (await import('./client')) as { db: Db };
const { settingsCases } = await import('@/test/cases/settings');

runMigrations(db);
afterAll(() => db.$client.close());

settingsCases(db);
