import { asc, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { postgresMissing, usePostgresDatabase } from '../test/postgres';
import { readWordpressFixture } from '../test/wordpress-fixture';
import { importWordpress, type ImportOptions } from '../server/wordpress-import';
import { articleAuthors, articles, authors, cacheTagExpirations, comments, moderationLog, sections, wordpressComments, wordpressPosts } from './schema';

const options = (more: Partial<ImportOptions> = {}): ImportOptions => ({ dryRun: false, images: null, actor: { id: null, name: 'test' }, ...more });
const fixture = () => [readWordpressFixture()];

describe.skipIf(postgresMissing)(`the WordPress import on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  const total = async (table: typeof comments | typeof articles) => (await db.select({ n: count() }).from(table))[0]!.n;

  it('a dry run reads everything and writes nothing', async () => {
    const result = await importWordpress(db, fixture(), options({ dryRun: true }));
    expect(result.stories).toEqual({ new: 1, updated: 0, unchanged: 0 });
    expect(result.comments).toEqual({ new: 25, updated: 0, unchanged: 0 });
    expect(await total(articles)).toBe(0);
    expect(await total(comments)).toBe(0);
  });

  it('brings the story over with its comments, threaded through the id map, and expires its pages', async () => {
    const result = await importWordpress(db, fixture(), options());
    expect(result.stories).toEqual({ new: 1, updated: 0, unchanged: 0 });
    expect(result.comments).toEqual({ new: 25, updated: 0, unchanged: 0 });
    const [story] = await db.select().from(articles);
    expect(story).toMatchObject({ slug: 'trump-pushes-for-negotiated-end-to-ukraine-war-in-call-with-putin', status: 'published' });
    expect((await db.select().from(sections).where(eq(sections.id, story!.sectionId)))[0]).toMatchObject({ slug: 'news' });
    const byline = await db.select({ name: authors.name }).from(articleAuthors).innerJoin(authors, eq(authors.id, articleAuthors.authorId)).where(eq(articleAuthors.articleId, story!.id));
    expect(byline).toEqual([{ name: 'Newsroom' }]);
    const imported = await db.select().from(comments).orderBy(asc(comments.createdAt));
    expect(imported.filter((c) => c.status === 'approved')).toHaveLength(20);
    for (const comment of imported.filter((c) => c.status === 'pending')) expect(comment.heldReason).toEqual({ rule: 'imported', from: '127.0.0.1:8081' });
    const wpOf = new Map((await db.select().from(wordpressComments)).map((row) => [row.commentId, row.wpId]));
    const ourOf = new Map([...wpOf].map(([ours, wp]) => [wp, ours]));
    const source = readWordpressFixture().toString('utf8');
    expect(imported.filter((c) => c.parentId !== null).length).toBeGreaterThan(0);
    for (const comment of imported) {
      const wpId = wpOf.get(comment.id)!;
      const parent = new RegExp(`<wp:comment_id>${wpId}</wp:comment_id>[\\s\\S]*?<wp:comment_parent>(\\d+)</wp:comment_parent>`).exec(source)![1];
      expect(comment.parentId).toBe(parent === '0' ? null : (ourOf.get(Number(parent)) ?? null));
    }
    expect((await db.select().from(wordpressPosts))[0]).toMatchObject({ articleId: story!.id });
    const expired = (await db.select({ tag: cacheTagExpirations.tag }).from(cacheTagExpirations)).map((row) => row.tag);
    expect(expired).toEqual(expect.arrayContaining([`article:${story!.id}`, 'latest']));
    expect(await db.select({ action: moderationLog.action }).from(moderationLog)).toEqual([{ action: 'wordpress.import' }]);
  });

  it('a rerun of the same export changes nothing', async () => {
    const before = await db.select().from(comments).orderBy(asc(comments.id));
    const result = await importWordpress(db, fixture(), options());
    expect(result.stories).toEqual({ new: 0, updated: 0, unchanged: 1 });
    expect(result.comments).toEqual({ new: 0, updated: 0, unchanged: 25 });
    expect(await db.select().from(comments).orderBy(asc(comments.id))).toEqual(before);
    expect(await total(articles)).toBe(1);
  });
});
