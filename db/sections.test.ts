import { afterAll, vi } from 'vitest';
import { db } from './client';
import { runMigrations } from './migrate';
import { sectionCases } from './sections.cases';

vi.mock('server-only', () => ({}));
vi.mock('next/cache', () => ({ cacheLife: () => {}, cacheTag: () => {} }));
vi.mock('./client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./client')>();
  return { ...actual, db: actual.openDatabase(':memory:') };
});

runMigrations(db);
afterAll(() => db.$client.close());

sectionCases(db);
