import { describe } from 'vitest';
import { postgresHooks } from '@/test/cases/engine';
import { userCases } from '@/test/cases/users';
import { postgresMissing, usePostgresDatabase } from '@/test/postgres';

describe.skipIf(postgresMissing)(`db/users.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  userCases(db, () => postgresHooks(db));
});
