import { describe, vi } from 'vitest';
import { postgresHooks } from '@/test/cases/engine';
import { reportCases } from '@/test/cases/reports';
import { postgresMissing, usePostgresDatabase } from '@/test/postgres';

vi.mock('server-only', () => ({}));
vi.mock('next/cache', () => ({ cacheLife: () => {}, cacheTag: () => {} }));

describe.skipIf(postgresMissing)(`db/reports.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  reportCases(db, () => postgresHooks(db));
});
