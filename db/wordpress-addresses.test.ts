import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Db } from './client';
import { runMigrations } from './migrate';
import { comments, wordpressComments } from './schema';
import { wordpressAddressCases } from './wordpress-addresses.cases';

vi.mock('server-only', () => ({}));
vi.mock('./client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./client')>();
  return { ...actual, db: actual.openDatabase(':memory:') };
});
// Outside Next, 'use cache' is a plain string: the functions run each time, and their tags are recorded here.
const cacheTags = vi.hoisted(() => new Set<string>());
vi.mock('next/cache', () => ({ cacheLife: () => {}, cacheTag: (...names: string[]) => names.forEach((name) => cacheTags.add(name)) }));

const { db } = (await import('./client')) as { db: Db };
const { approvedCommentsQuery } = await import('./comments');

runMigrations(db);
afterAll(() => db.$client.close());

const fixture = wordpressAddressCases(db, cacheTags);
const { story, mapPost, target } = fixture;

// Comment threads are read through db/comments.ts, tested on SQLite here.
describe('findOldAddressTarget: comment pages', () => {
  it("leads ?cpage=N to the story's comment page N when the thread has it, else to page 1", async () => {
    const articleId = await story('busy-thread');
    await mapPost(fixture.oldSite, 400, articleId, 'busy-thread', '/busy-thread');
    const base = new Date('2025-03-01T00:00:00Z').getTime();
    db.insert(comments)
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          articleId,
          authorName: `Reader ${i}`,
          authorEmail: `r${i}@example.com`,
          body: `Comment ${i}`,
          status: 'approved' as const,
          ip: '192.0.2.1',
          createdAt: new Date(base + i * 60_000),
        })),
      )
      .run();
    expect(await target('/?p=400&cpage=2')).toBe('/news/busy-thread?cpage=2');
    expect(await target('/busy-thread/comment-page-2')).toBe('/news/busy-thread?cpage=2');
    expect(await target('/?p=400&cpage=3')).toBe('/news/busy-thread');
    expect(await target('/?p=400&cpage=1')).toBe('/news/busy-thread');
    expect(cacheTags).toContain(`comments:${articleId}`);
  });
});

describe("a story's approved comments", () => {
  it('carry the id each had on the WordPress site, if it came from one', async () => {
    const articleId = await story('imported-thread');
    const [imported, ours] = db
      .insert(comments)
      .values(['Imported', 'Ours'].map((body) => ({ articleId, authorName: body, authorEmail: 'x@example.com', body, status: 'approved' as const, ip: '' })))
      .returning({ id: comments.id })
      .all();
    db.insert(wordpressComments).values({ siteId: fixture.oldSite, wpId: 77, commentId: imported!.id, sourceHash: 'x' }).run();
    const rows = approvedCommentsQuery(articleId).all();
    expect(rows.map((row) => [row.id, row.wordpressId])).toEqual([
      [imported!.id, 77],
      [ours!.id, null],
    ]);
  });
});
