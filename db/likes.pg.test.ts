import { describe, vi } from 'vitest';
import { postgresHooks } from '@/test/cases/engine';
import { likeCases } from '@/test/cases/likes';
import { postgresMissing, usePostgresDatabase } from '@/test/postgres';

vi.mock('server-only', () => ({}));

describe.skipIf(postgresMissing)(`db/likes.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  likeCases(db, () => postgresHooks(db));
});
