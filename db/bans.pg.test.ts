import { describe, vi } from 'vitest';
import { postgresHooks } from '@/test/cases/engine';
import { banCases } from '@/test/cases/bans';
import { postgresMissing, usePostgresDatabase } from '@/test/postgres';

vi.mock('server-only', () => ({}));
vi.mock('next/cache', () => ({ cacheLife: () => {}, cacheTag: () => {} }));

describe.skipIf(postgresMissing)(`db/bans.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  banCases(db, () => postgresHooks(db));
});
