import { afterAll, describe, vi } from 'vitest';
import type { Db } from './client';
import { runMigrations } from './migrate';

vi.mock('server-only', () => ({}));
vi.mock('./client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./client')>();
  return { ...actual, db: actual.openDatabase(':memory:') };
});

const { db } = (await import('./client')) as { db: Db };
const { searchCases } = await import('./search.cases');

runMigrations(db);
afterAll(() => db.$client.close());

describe('searchArticles', () => {
  searchCases(db, () => {
    db.$client.exec(`INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')`);
  });
});
