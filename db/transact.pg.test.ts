import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { postgresMissing, usePostgresDatabase } from '../test/postgres';
import { isPostgres } from './client';
import { sections } from './schema';
import { all, get, lock, run, transact } from './transact';

describe.skipIf(postgresMissing)(`db/transact.ts on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();

  it('runs a generator body in one transaction and returns its value', async () => {
    expect(isPostgres(db)).toBe(true);
    const made = await transact(db, function* (tx) {
      yield* lock('sections');
      yield* run(tx.insert(sections).values({ slug: 'news', name: 'News', position: 1 }));
      const row = yield* get(tx.select().from(sections).where(eq(sections.slug, 'news')));
      const rows = yield* all(tx.select().from(sections));
      return { row, count: rows.length };
    });
    expect(made.row).toMatchObject({ slug: 'news', name: 'News' });
    expect(made.count).toBe(1);
  });

  it('rolls back everything when the body throws, and a statement error can be caught inside the body', async () => {
    await expect(
      transact(db, function* (tx) {
        yield* run(tx.insert(sections).values({ slug: 'sport', name: 'Sport', position: 2 }));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.select().from(sections).where(eq(sections.slug, 'sport'))).toEqual([]);
  });

  it('lock serializes transactions on one key: concurrent check-then-insert lets exactly one through', async () => {
    const attempt = () =>
      transact(db, function* (tx) {
        yield* lock('one culture section');
        const existing = yield* get(tx.select().from(sections).where(eq(sections.name, 'Culture')));
        if (existing) return false;
        // Long enough for every other attempt to reach its check, were the lock not there.
        yield* all(tx.select({ slept: sql`1` }).from(sql`pg_sleep(0.05)`));
        yield* run(tx.insert(sections).values({ slug: `culture-${Math.random().toString(36).slice(2)}`, name: 'Culture', position: 3 }));
        return true;
      });
    const results = await Promise.all(Array.from({ length: 8 }, attempt));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.select().from(sections).where(eq(sections.name, 'Culture'))).toHaveLength(1);
  });
});
