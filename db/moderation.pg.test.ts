import { describe, vi } from 'vitest';
import { postgresHooks } from '@/test/cases/engine';
import { moderationCases } from '@/test/cases/moderation';
import { postgresMissing, usePostgresDatabase } from '@/test/postgres';

vi.mock('server-only', () => ({}));
vi.mock('next/cache', () => ({ cacheLife: () => {}, cacheTag: () => {} }));

describe.skipIf(postgresMissing)(`db/moderation.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  moderationCases(db, () => postgresHooks(db));
});
