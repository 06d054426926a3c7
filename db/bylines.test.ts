import { afterAll, vi } from 'vitest';
import { db } from './client';
import { runMigrations } from './migrate';
import { bylineCases } from './bylines.cases';

vi.mock('server-only', () => ({}));

vi.mock('./client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./client')>();
  return { ...actual, db: actual.openDatabase(':memory:') };
});

runMigrations(db);
afterAll(() => db.$client.close());

bylineCases(db);
