import { describe } from 'vitest';
import { postgresMissing, usePostgresDatabase } from '../test/postgres';
import { wordpressJobCases } from './wordpress-jobs.cases';

describe.skipIf(postgresMissing)(`db/wordpress-jobs.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  wordpressJobCases(db);
});
