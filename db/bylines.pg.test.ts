import { describe, vi } from 'vitest';
import { postgresMissing, usePostgresDatabase } from '../test/postgres';
import { bylineCases } from './bylines.cases';

vi.mock('server-only', () => ({}));

describe.skipIf(postgresMissing)(`db/bylines.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  bylineCases(db);
});
