/**
 * The search tests both engines run: db/search.test.ts (SQLite) and db/search.pg.test.ts. Statements
 * are awaited, or run in `transact` bodies, which both engines take.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { toFtsQuery } from '@/lib/search-query';
import type { Db } from './client';
import { articleAuthors, articles, authors, sections } from './schema';
import { searchArticles } from './search';
import { all, run, transact } from './transact';

const hour = 3_600_000;

type StoryRow = typeof articles.$inferInsert;

/** A story and its bylines (in the order printed), in one transaction; its id. */
export function insertStory(db: Db, values: StoryRow & { authorIds: number[] }): Promise<number> {
  const { authorIds, ...story } = values;
  return transact(db, function* (tx) {
    const [row] = yield* all(tx.insert(articles).values(story).returning({ id: articles.id }));
    for (const [position, authorId] of authorIds.entries()) yield* run(tx.insert(articleAuthors).values({ articleId: row!.id, authorId, position }));
    return row!.id;
  });
}

/** The slugs a reader's text finds, best first (the way the search page calls it). */
export async function find(text: string, page = 1) {
  const query = toFtsQuery(text);
  if (query === null) return [];
  return (await searchArticles(query, page)).results.map((result) => result.slug);
}

/**
 * Defines the shared cases inside the caller's `describe`. `checkIndex` runs after the index has
 * followed changes (SQLite: FTS5's integrity check; PostgreSQL's column is generated, nothing to check).
 */
export function searchCases(db: Db, checkIndex: () => void | Promise<void> = () => {}) {
  let sectionId = 0;
  let authorId = 0;

  const story = (values: { slug: string; headline?: string; standfirst?: string; body?: string; status?: 'draft' | 'published'; hoursAgo?: number }) =>
    insertStory(db, {
      slug: values.slug,
      sectionId,
      authorIds: [authorId],
      headline: values.headline ?? `Story ${values.slug}`,
      standfirst: values.standfirst ?? 'A standfirst.',
      body: values.body ?? '## Heading\n\nNothing to see.',
      status: values.status ?? 'published',
      publishedAt: new Date(Date.now() - (values.hoursAgo ?? 1) * hour),
    });

  beforeAll(async () => {
    const [section] = await db.insert(sections).values({ slug: 'news', name: 'News' }).returning();
    const [author] = await db.insert(authors).values({ slug: 'ada', name: 'Ada Quillfeather' }).returning();
    sectionId = section!.id;
    authorId = author!.id;
  });

  it('finds a story by a word only its body holds, with a marked snippet', async () => {
    await story({ slug: 'body-only', body: '## What happened\n\nThe **zephyrine** committee met on Tuesday.' });
    const page = await searchArticles(toFtsQuery('zephyrine')!, 1);
    expect(page.total).toBe(1);
    expect(page.results[0]!.slug).toBe('body-only');
    expect(page.results[0]!.snippet).toContain('\u0002zephyrine\u0003');
    expect(page.results[0]!.snippetFromBody).toBe(true);
  });

  it('ranks a headline match above a body match, even a newer one', async () => {
    await story({ slug: 'in-headline', headline: 'Marblewood council falls', hoursAgo: 200 });
    await story({ slug: 'in-body', body: 'Elsewhere, marblewood was mentioned once.', hoursAgo: 1 });
    expect(await find('marblewood')).toEqual(['in-headline', 'in-body']);
    const [first] = (await searchArticles(toFtsQuery('marblewood')!, 1)).results;
    expect(first!.headlineMarked).toBe('\u0002Marblewood\u0003 council falls');
  });

  it('prefers the newer of two equal matches', async () => {
    await story({ slug: 'older-equal', body: 'The quorvantic vote.', hoursAgo: 24 * 30 });
    await story({ slug: 'newer-equal', body: 'The quorvantic vote.', hoursAgo: 2 });
    expect(await find('quorvantic')).toEqual(['newer-equal', 'older-equal']);
  });

  it('stems English words and matches the author’s name', async () => {
    await story({ slug: 'stemmed', body: 'Ministers were negotiating late.' });
    expect(await find('negotiations')).toContain('stemmed');
    expect(await find('quillfeather')).toContain('stemmed');
  });

  it('matches a prefix only when the reader typed *', async () => {
    await story({ slug: 'prefix', body: 'A parliamentarian spoke.' });
    expect(await find('parliament')).not.toContain('prefix');
    expect(await find('parliament*')).toContain('prefix');
  });

  it('keeps drafts out and follows publishing, edits, unpublishing and deletion', async () => {
    const id = await story({ slug: 'draft-then-published', body: 'The glimmerstone report.', status: 'draft' });
    expect(await find('glimmerstone')).toEqual([]);
    await db.update(articles).set({ status: 'published' }).where(eq(articles.id, id));
    expect(await find('glimmerstone')).toEqual(['draft-then-published']);
    await db.update(articles).set({ body: 'The moonquarry report.' }).where(eq(articles.id, id));
    expect(await find('glimmerstone')).toEqual([]);
    expect(await find('moonquarry')).toEqual(['draft-then-published']);
    await db.update(articles).set({ featured: true }).where(eq(articles.id, id));
    expect(await find('moonquarry')).toEqual(['draft-then-published']);
    await db.update(articles).set({ status: 'draft' }).where(eq(articles.id, id));
    expect(await find('moonquarry')).toEqual([]);
    await db.update(articles).set({ status: 'published' }).where(eq(articles.id, id));
    await db.delete(articles).where(eq(articles.id, id));
    expect(await find('moonquarry')).toEqual([]);
    await checkIndex();
  });

  it('follows an author’s change of name', async () => {
    const [author] = await db.insert(authors).values({ slug: 'renamed', name: 'Bea Oldname' }).returning();
    await insertStory(db, { slug: 'by-renamed', sectionId, authorIds: [author!.id], headline: 'A story', body: 'Text.', status: 'published', publishedAt: new Date() });
    expect(await find('oldname')).toEqual(['by-renamed']);
    await db.update(authors).set({ name: 'Bea Newname' }).where(eq(authors.id, author!.id));
    expect(await find('oldname')).toEqual([]);
    expect(await find('newname')).toEqual(['by-renamed']);
    await checkIndex();
  });

  it('finds a story by any of its bylines, and follows bylines added, taken off and renamed', async () => {
    const [cat, dov] = await db
      .insert(authors)
      .values([
        { slug: 'cat-inkwhistle', name: 'Cat Inkwhistle' },
        { slug: 'dov-marrowind', name: 'Dov Marrowind' },
      ])
      .returning();
    const storyId = await insertStory(db, { slug: 'two-bylines', sectionId, authorIds: [cat!.id, dov!.id], headline: 'Shared work', body: 'Text.', status: 'published', publishedAt: new Date() });
    expect(await find('inkwhistle')).toEqual(['two-bylines']);
    expect(await find('marrowind')).toEqual(['two-bylines']);
    const [result] = (await searchArticles(toFtsQuery('marrowind')!, 1)).results;
    expect(result?.bylines.map((byline) => byline.slug)).toEqual(['cat-inkwhistle', 'dov-marrowind']);
    await db.delete(articleAuthors).where(and(eq(articleAuthors.articleId, storyId), eq(articleAuthors.authorId, cat!.id)));
    expect(await find('inkwhistle')).toEqual([]);
    await db.update(authors).set({ name: 'Dov Newmarrow' }).where(eq(authors.id, dov!.id));
    expect(await find('marrowind')).toEqual([]);
    expect(await find('newmarrow')).toEqual(['two-bylines']);
    await db.update(articles).set({ status: 'unpublished' }).where(eq(articles.id, storyId));
    expect(await find('newmarrow')).toEqual([]);
    await db.insert(articleAuthors).values({ articleId: storyId, authorId: cat!.id, position: 1 });
    expect(await find('inkwhistle')).toEqual([]);
    await checkIndex();
  });

  it('pages 20 at a time', async () => {
    for (let i = 1; i <= 21; i++) await story({ slug: `paged-${i}`, body: 'The plinthwort index.', hoursAgo: i });
    const first = await searchArticles(toFtsQuery('plinthwort')!, 1);
    const second = await searchArticles(toFtsQuery('plinthwort')!, 2);
    expect(first.results).toHaveLength(20);
    expect(first.total).toBe(21);
    expect(first.pageCount).toBe(2);
    expect(second.results.map((r) => r.slug)).toEqual(['paged-21']);
    expect((await searchArticles(toFtsQuery('plinthwort')!, 3)).results).toEqual([]);
  });

  it('answers any text, FTS5 syntax included, without an error', async () => {
    await story({ slug: 'syntax', headline: 'Near the end of the road', body: 'And or not: "quoted" text (in brackets) with a-hyphen.' });
    const inputs = [
      '"', '""', '"unbalanced', 'quoted"', '*', '**', 'road*', '*road', '-', '-road', 'road -end', 'NEAR', 'NEAR(road end)',
      'NEAR(road', 'road NEAR end', '(', ')', '((road', 'road)', 'AND', 'OR', 'NOT', 'AND OR', 'road AND', 'OR road',
      'road OR end', 'headline:road', ':', '^road', '+', '{road}', "it's", '\\', '%', '_', "'; drop table articles; --",
      'a-hyphen', 'é', 'Ελληνικά', '中文', '😀', '\u0000', '\u0002road\u0003', 'x'.repeat(5000), 'road '.repeat(200), 'the*', "o'*",
    ];
    for (const input of inputs) await expect(find(input), input).resolves.not.toThrow();
    expect(await find('"quoted"')).toContain('syntax');
    expect(await find('NEAR')).toContain('syntax');
    expect(await find('(in brackets')).toContain('syntax');
    expect(await find('road -end')).toContain('syntax');
  });

  it('survives random text', async () => {
    const alphabet = ['"', "'", '*', '-', '+', '^', ':', '(', ')', '{', '}', ' ', 'a', 'é', 'NEAR', 'AND', 'OR', 'NOT', '0', '\u0301', '.', '!', '&', '|', '<->'];
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 500; i++) {
      const input = Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      await expect(find(input), JSON.stringify(input)).resolves.not.toThrow();
    }
    // 500 searches: a second on a quiet machine, several on a busy two-core one.
  }, 60_000);
}
