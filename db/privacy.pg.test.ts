import { describe } from 'vitest';
import { postgresMissing, usePostgresDatabase } from '../test/postgres';
import { privacyCases } from './privacy.cases';

describe.skipIf(postgresMissing)(`db/privacy.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  privacyCases(db);
});
