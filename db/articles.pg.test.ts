import { describe, vi } from 'vitest';
import { postgresMissing, usePostgresDatabase } from '../test/postgres';
import { articleCases } from './articles.cases';

vi.mock('server-only', () => ({}));
vi.mock('next/cache', () => ({ cacheLife: () => {}, cacheTag: () => {} }));

describe.skipIf(postgresMissing)(`db/articles.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  articleCases(db);
});
