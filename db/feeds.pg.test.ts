import { describe, vi } from 'vitest';
import { postgresMissing, usePostgresDatabase } from '../test/postgres';
import { feedCases } from './feeds.cases';

vi.mock('server-only', () => ({}));
vi.mock('next/cache', () => ({ cacheLife: () => {}, cacheTag: () => {} }));

describe.skipIf(postgresMissing)(`db/feeds.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  feedCases(db);
});
