import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { describe, expect, it, vi } from 'vitest';
import { toFtsQuery } from '@/lib/search-query';
import { postgresMissing, usePostgresDatabase } from '../test/postgres';
import { articles as postgresArticles } from './pg/schema';
import { tsQuery } from './pg/search';
import { articles, authors, sections } from './schema';

vi.mock('server-only', () => ({}));

const { searchCases, insertStory, find } = await import('./search.cases');
const { searchArticles } = await import('./search');

describe.skipIf(postgresMissing)(`searchArticles on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();

  describe('the cases SQLite passes', () => {
    searchCases(db);
  });

  describe('PostgreSQL’s own', () => {
    let sectionId = 0;
    let authorId = 0;
    const story = async (slug: string, values: { headline?: string; standfirst?: string; body?: string; hoursAgo?: number }) =>
      insertStory(db, {
        slug,
        sectionId,
        authorIds: [authorId],
        headline: values.headline ?? `Story ${slug}`,
        standfirst: values.standfirst ?? '',
        body: values.body ?? 'Nothing.',
        status: 'published',
        publishedAt: new Date(Date.now() - (values.hoursAgo ?? 1) * 3_600_000),
      });
    const search = async (text: string) => (await searchArticles(toFtsQuery(text)!, 1)).results;

    it('sets up', async () => {
      const [section] = await db.insert(sections).values({ slug: 'world', name: 'World' }).returning();
      const [author] = await db.insert(authors).values({ slug: 'zed', name: 'Zed Plainname' }).returning();
      sectionId = section!.id;
      authorId = author!.id;
    });

    it('weighs headline over standfirst over byline over body, by searchRankWeights', async () => {
      await story('w-body', { body: 'A word on quillamberry here.', hoursAgo: 1 });
      await story('w-standfirst', { standfirst: 'The quillamberry question.', hoursAgo: 1 });
      await story('w-headline', { headline: 'Quillamberry wins', hoursAgo: 1 });
      const [byline] = await db.insert(authors).values({ slug: 'quillamberry', name: 'Ann Quillamberry' }).returning();
      await insertStory(db, { slug: 'w-byline', sectionId, authorIds: [byline!.id], headline: 'Other', body: 'Other.', status: 'published', publishedAt: new Date(Date.now() - 3_600_000) });
      expect(await find('quillamberry')).toEqual(['w-headline', 'w-standfirst', 'w-byline', 'w-body']);
    });

    it('stems both the query and the text (“elections” finds “election”), and drops stop words', async () => {
      await story('stems', { body: 'The election of the new mayor.' });
      expect(await find('elections')).toContain('stems');
      expect(await find('the elections of')).toContain('stems');
      expect(await find('the of')).toEqual([]);
    });

    it('needs every word, as FTS5 does', async () => {
      await story('both-words', { body: 'Harbour ferries resume.' });
      await story('one-word', { body: 'Harbour closes.' });
      expect(await find('harbour ferries')).toEqual(['both-words']);
      expect(await find('harbour OR ferries')).toEqual(['both-words']);
    });

    it('marks every matched word of the headline, stemmed forms included, and keeps the rest as written', async () => {
      await story('marked-headline', { headline: 'Ferries: the ferry strike, day 2' });
      const [result] = await search('ferry strike');
      expect(result!.headlineMarked).toBe('\u0002Ferries\u0003: the \u0002ferry\u0003 \u0002strike\u0003, day 2');
      expect(result!.headline).toBe('Ferries: the ferry strike, day 2');
    });

    it('cuts a body passage of about 32 words around the match, with … where it leaves text out', async () => {
      const before = Array.from({ length: 60 }, (_, i) => `before${i}`).join(' ');
      const after = Array.from({ length: 60 }, (_, i) => `after${i}`).join(' ');
      await story('long-body', { body: `${before} the glintmoor accord was signed ${after}` });
      const [result] = await search('glintmoor');
      const { snippet } = result!;
      expect(snippet).toContain('\u0002glintmoor\u0003 accord was signed');
      expect(snippet.startsWith('…')).toBe(true);
      expect(snippet.endsWith('…')).toBe(true);
      const words = snippet.replace(/[…\u0002\u0003]/g, '').trim().split(/\s+/);
      expect(words.length).toBeGreaterThan(10);
      expect(words.length).toBeLessThanOrEqual(32);
      expect(result!.snippetFromBody).toBe(true);
    });

    it('puts no … at an end the passage reaches', async () => {
      await story('short-body', { body: 'The brackenfold vote.' });
      const [result] = await search('brackenfold');
      expect(result!.snippet).toBe('The \u0002brackenfold\u0003 vote.');
    });

    it('shows a standfirst match when the body has none, and the standfirst for a headline match', async () => {
      await story('sf-match', { standfirst: 'Why the wyndholm plan failed.', body: 'Nothing about it.' });
      const [fromStandfirst] = await search('wyndholm');
      expect(fromStandfirst!.snippet).toBe('Why the \u0002wyndholm\u0003 plan failed.');
      expect(fromStandfirst!.snippetFromBody).toBe(false);
      await story('hl-match', { headline: 'Corvellan at last', standfirst: 'A standfirst that says it.', body: 'Body text.' });
      const [fromHeadline] = await search('corvellan');
      expect(fromHeadline!.snippet).toBe('A standfirst that says it.');
      expect(fromHeadline!.snippetFromBody).toBe(false);
    });

    it('matches a typed prefix of the stemmed word, and a stop word as a prefix finds nothing by itself', async () => {
      // Indexed as 'renov' (as FTS5's porter has it too): a prefix longer than the stem misses, on both engines.
      await story('prefixed', { body: 'The renovations continue.' });
      expect(await find('reno*')).toContain('prefixed');
      expect(await find('reno')).not.toContain('prefixed');
      expect(await find('continue renov*')).toContain('prefixed');
      expect(await find('the*')).toEqual([]);
    });

    it('finds matches through the GIN index articles_search_idx', async () => {
      const pg = db as unknown as NodePgDatabase;
      for (const text of ['harbour ferries', 'reno*', 'the*']) {
        // The match alone: with every scan but the index's off, the status index would serve the rest.
        const query = db.select({ id: articles.id }).from(articles).where(sql`${postgresArticles.search} @@ ${tsQuery(toFtsQuery(text)!)}`).toSQL();
        // Few rows here, so the planner would scan them all: the question is whether it can use the index.
        const plan = await pg.transaction(async (tx) => {
          await tx.execute(sql`set local enable_seqscan = off`);
          const { rows } = await tx.execute(sql.raw(`explain ${query.sql.replace(/\$(\d+)/g, (_, n: string) => `'${String(query.params[Number(n) - 1]).replaceAll("'", "''")}'`)}`));
          return rows.map((row) => Object.values(row).join('')).join('\n');
        });
        expect(plan, text).toContain('articles_search_idx');
      }
    });
  });
});
