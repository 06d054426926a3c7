import { describe, vi } from 'vitest';
import { postgresHooks } from '@/test/cases/engine';
import { mailCases } from '@/test/cases/mail';
import { postgresMissing, usePostgresDatabase } from '@/test/postgres';

vi.mock('server-only', () => ({}));

describe.skipIf(postgresMissing)(`db/mail.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  mailCases(db, () => postgresHooks(db));
});
