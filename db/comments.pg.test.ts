import { describe, vi } from 'vitest';
import { commentCases } from '@/test/cases/comments';
import { postgresHooks } from '@/test/cases/engine';
import { postgresMissing, usePostgresDatabase } from '@/test/postgres';

vi.mock('server-only', () => ({}));
vi.mock('next/cache', () => ({ cacheLife: () => {}, cacheTag: () => {} }));

describe.skipIf(postgresMissing)(`db/comments.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  commentCases(db, () => postgresHooks(db));
});
