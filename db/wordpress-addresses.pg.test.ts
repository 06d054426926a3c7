import { describe, vi } from 'vitest';
import { postgresMissing, usePostgresDatabase } from '../test/postgres';
import { wordpressAddressCases } from './wordpress-addresses.cases';

vi.mock('server-only', () => ({}));
const cacheTags = vi.hoisted(() => new Set<string>());
vi.mock('next/cache', () => ({ cacheLife: () => {}, cacheTag: (...names: string[]) => names.forEach((name) => cacheTags.add(name)) }));

describe.skipIf(postgresMissing)(`db/wordpress-addresses.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  wordpressAddressCases(db, cacheTags);
});
