import { describe, vi } from 'vitest';
import { postgresMissing, usePostgresDatabase } from '../test/postgres';
import { storyCases } from './stories.cases';

vi.mock('server-only', () => ({}));

describe.skipIf(postgresMissing)(`db/stories.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  storyCases(db);
});
