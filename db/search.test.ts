import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { toFtsQuery } from '@/lib/search-query';
import type { Db } from './client';
import { runMigrations } from './migrate';
import { insertStoryRow } from '../test/story';
import { articleAuthors, articles, authors, sections } from './schema';

vi.mock('server-only', () => ({}));
vi.mock('./client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./client')>();
  return { ...actual, db: actual.openDatabase(':memory:') };
});

const { db } = (await import('./client')) as { db: Db };
const { searchArticles } = await import('./search');

runMigrations(db);
afterAll(() => db.$client.close());

const hour = 3_600_000;
let sectionId = 0;
let authorId = 0;

function story(values: { slug: string; headline?: string; standfirst?: string; body?: string; status?: 'draft' | 'published'; hoursAgo?: number }) {
  return insertStoryRow(db, {
    slug: values.slug,
    sectionId,
    authorId,
    headline: values.headline ?? `Story ${values.slug}`,
    standfirst: values.standfirst ?? 'A standfirst.',
    body: values.body ?? '## Heading\n\nNothing to see.',
    status: values.status ?? 'published',
    publishedAt: new Date(Date.now() - (values.hoursAgo ?? 1) * hour),
  }).id;
}

/** The slugs a reader's text finds, best first (the way the search page calls it). */
async function find(text: string, page = 1) {
  const query = toFtsQuery(text);
  if (query === null) return [];
  return (await searchArticles(query, page)).results.map((result) => result.slug);
}

beforeAll(async () => {
  const [section] = db.insert(sections).values({ slug: 'news', name: 'News' }).returning().all();
  const [author] = db.insert(authors).values({ slug: 'ada', name: 'Ada Quillfeather' }).returning().all();
  sectionId = section!.id;
  authorId = author!.id;
});

describe('searchArticles', () => {
  it('finds a story by a word only its body holds, with a marked snippet', async () => {
    story({ slug: 'body-only', body: '## What happened\n\nThe **zephyrine** committee met on Tuesday.' });
    const page = await searchArticles(toFtsQuery('zephyrine')!, 1);
    expect(page.total).toBe(1);
    expect(page.results[0]!.slug).toBe('body-only');
    expect(page.results[0]!.snippet).toContain('\u0002zephyrine\u0003');
    expect(page.results[0]!.snippetFromBody).toBe(true);
  });

  it('ranks a headline match above a body match, even a newer one', async () => {
    story({ slug: 'in-headline', headline: 'Marblewood council falls', hoursAgo: 200 });
    story({ slug: 'in-body', body: 'Elsewhere, marblewood was mentioned once.', hoursAgo: 1 });
    expect(await find('marblewood')).toEqual(['in-headline', 'in-body']);
    const [first] = (await searchArticles(toFtsQuery('marblewood')!, 1)).results;
    expect(first!.headlineMarked).toBe('\u0002Marblewood\u0003 council falls');
  });

  it('prefers the newer of two equal matches', async () => {
    story({ slug: 'older-equal', body: 'The quorvantic vote.', hoursAgo: 24 * 30 });
    story({ slug: 'newer-equal', body: 'The quorvantic vote.', hoursAgo: 2 });
    expect(await find('quorvantic')).toEqual(['newer-equal', 'older-equal']);
  });

  it('stems with porter and matches the author’s name', async () => {
    story({ slug: 'stemmed', body: 'Ministers were negotiating late.' });
    expect(await find('negotiations')).toContain('stemmed');
    expect(await find('quillfeather')).toContain('stemmed');
  });

  it('matches a prefix only when the reader typed *', async () => {
    story({ slug: 'prefix', body: 'A parliamentarian spoke.' });
    expect(await find('parliament')).not.toContain('prefix');
    expect(await find('parliament*')).toContain('prefix');
  });

  it('keeps drafts out and follows publishing, edits, unpublishing and deletion', async () => {
    const id = story({ slug: 'draft-then-published', body: 'The glimmerstone report.', status: 'draft' });
    expect(await find('glimmerstone')).toEqual([]);
    db.update(articles).set({ status: 'published' }).where(eq(articles.id, id)).run();
    expect(await find('glimmerstone')).toEqual(['draft-then-published']);
    db.update(articles).set({ body: 'The moonquarry report.' }).where(eq(articles.id, id)).run();
    expect(await find('glimmerstone')).toEqual([]);
    expect(await find('moonquarry')).toEqual(['draft-then-published']);
    db.update(articles).set({ featured: true }).where(eq(articles.id, id)).run();
    expect(await find('moonquarry')).toEqual(['draft-then-published']);
    db.update(articles).set({ status: 'draft' }).where(eq(articles.id, id)).run();
    expect(await find('moonquarry')).toEqual([]);
    db.update(articles).set({ status: 'published' }).where(eq(articles.id, id)).run();
    db.delete(articles).where(eq(articles.id, id)).run();
    expect(await find('moonquarry')).toEqual([]);
    db.$client.exec(`INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')`);
  });

  it('follows an author’s change of name', async () => {
    const [author] = db.insert(authors).values({ slug: 'renamed', name: 'Bea Oldname' }).returning().all();
    insertStoryRow(db, { slug: 'by-renamed', sectionId, authorId: author!.id, headline: 'A story', body: 'Text.', status: 'published', publishedAt: new Date() });
    expect(await find('oldname')).toEqual(['by-renamed']);
    db.update(authors).set({ name: 'Bea Newname' }).where(eq(authors.id, author!.id)).run();
    expect(await find('oldname')).toEqual([]);
    expect(await find('newname')).toEqual(['by-renamed']);
    db.$client.exec(`INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')`);
  });

  it('finds a story by any of its bylines, and follows bylines added, taken off and renamed', async () => {
    const [cat, dov] = db
      .insert(authors)
      .values([
        { slug: 'cat-inkwhistle', name: 'Cat Inkwhistle' },
        { slug: 'dov-marrowind', name: 'Dov Marrowind' },
      ])
      .returning()
      .all();
    const story = insertStoryRow(db, { slug: 'two-bylines', sectionId, authorIds: [cat!.id, dov!.id], headline: 'Shared work', body: 'Text.', status: 'published', publishedAt: new Date() });
    expect(await find('inkwhistle')).toEqual(['two-bylines']);
    expect(await find('marrowind')).toEqual(['two-bylines']);
    const [result] = (await searchArticles(toFtsQuery('marrowind')!, 1)).results;
    expect(result?.bylines.map((byline) => byline.slug)).toEqual(['cat-inkwhistle', 'dov-marrowind']);
    db.delete(articleAuthors).where(and(eq(articleAuthors.articleId, story.id), eq(articleAuthors.authorId, cat!.id))).run();
    expect(await find('inkwhistle')).toEqual([]);
    db.update(authors).set({ name: 'Dov Newmarrow' }).where(eq(authors.id, dov!.id)).run();
    expect(await find('marrowind')).toEqual([]);
    expect(await find('newmarrow')).toEqual(['two-bylines']);
    db.update(articles).set({ status: 'unpublished' }).where(eq(articles.id, story.id)).run();
    expect(await find('newmarrow')).toEqual([]);
    db.insert(articleAuthors).values({ articleId: story.id, authorId: cat!.id, position: 1 }).run();
    expect(await find('inkwhistle')).toEqual([]);
    db.$client.exec(`INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')`);
  });

  it('pages 20 at a time', async () => {
    for (let i = 1; i <= 21; i++) story({ slug: `paged-${i}`, body: 'The plinthwort index.', hoursAgo: i });
    const first = await searchArticles(toFtsQuery('plinthwort')!, 1);
    const second = await searchArticles(toFtsQuery('plinthwort')!, 2);
    expect(first.results).toHaveLength(20);
    expect(first.pageCount).toBe(2);
    expect(second.results.map((r) => r.slug)).toEqual(['paged-21']);
  });

  it('answers any text, FTS5 syntax included, without an error', async () => {
    story({ slug: 'syntax', headline: 'Near the end of the road', body: 'And or not: "quoted" text (in brackets) with a-hyphen.' });
    const inputs = [
      '"', '""', '"unbalanced', 'quoted"', '*', '**', 'road*', '*road', '-', '-road', 'road -end', 'NEAR', 'NEAR(road end)',
      'NEAR(road', 'road NEAR end', '(', ')', '((road', 'road)', 'AND', 'OR', 'NOT', 'AND OR', 'road AND', 'OR road',
      'road OR end', 'headline:road', ':', '^road', '+', '{road}', "it's", '\\', '%', '_', "'; drop table articles; --",
      'a-hyphen', 'é', 'Ελληνικά', '中文', '😀', '\u0000', '\u0002road\u0003', 'x'.repeat(5000), 'road '.repeat(200),
    ];
    for (const input of inputs) await expect(find(input), input).resolves.not.toThrow();
    expect(await find('"quoted"')).toContain('syntax');
    expect(await find('NEAR')).toContain('syntax');
    expect(await find('(in brackets')).toContain('syntax');
  });

  it('survives random text', async () => {
    const alphabet = ['"', "'", '*', '-', '+', '^', ':', '(', ')', '{', '}', ' ', 'a', 'é', 'NEAR', 'AND', 'OR', 'NOT', '0', '\u0301', '.'];
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 500; i++) {
      const input = Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      await expect(find(input), JSON.stringify(input)).resolves.not.toThrow();
    }
    // 500 searches: a second on a quiet machine, several on a busy two-core one.
  }, 60_000);
});
