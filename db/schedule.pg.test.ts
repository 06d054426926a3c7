import { afterAll, beforeAll, describe } from 'vitest';
import { postgresMissing, usePostgresDatabase } from '../test/postgres';
import { type Db, openPostgres } from './client';
import { scheduleCases } from './schedule.cases';

describe.skipIf(postgresMissing)(`db/schedule.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db, url } = usePostgresDatabase();
  // The second server's own pool on the same database.
  let second: Db;
  beforeAll(() => {
    second = openPostgres(url());
  });
  afterAll(async () => {
    await (second.$client as unknown as { end(): Promise<void> }).end();
  });
  scheduleCases(() => ({ first: db, second }));
});
