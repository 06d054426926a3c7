import { describe, vi } from 'vitest';
import { postgresMissing, usePostgresDatabase } from '../test/postgres';
import { sectionCases } from './sections.cases';

vi.mock('server-only', () => ({}));
vi.mock('next/cache', () => ({ cacheLife: () => {}, cacheTag: () => {} }));

describe.skipIf(postgresMissing)(`db/sections.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  sectionCases(db);
});
