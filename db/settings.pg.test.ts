import { describe, vi } from 'vitest';
import { settingsCases } from '@/test/cases/settings';
import { postgresMissing, usePostgresDatabase } from '@/test/postgres';

vi.mock('server-only', () => ({}));
vi.mock('next/cache', () => ({ cacheLife: () => {}, cacheTag: () => {} }));

describe.skipIf(postgresMissing)(`db/settings.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  settingsCases(db);
});
