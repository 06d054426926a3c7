import { is, Placeholder } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Db } from './client';
import { runMigrations } from './migrate';

// The queries themselves come from the modules' own builders (`toSQL()`), so a query changed in the
// app is the query planned here; the plans are SQLite's on the committed migrations.
vi.mock('server-only', () => ({}));
vi.mock('./client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./client')>();
  return { ...actual, db: actual.openDatabase(':memory:') };
});

const { db, openDatabase } = (await import('./client')) as { db: Db; openDatabase: (file: string) => Db };
const { articleBySlugQuery, articleTagsQuery, bylinesQuery, cardPageQueries, leadArticleQuery, relatedCandidateQueries, storyLists } = await import('./articles');
const { approvedCommentsQuery, postingChecks } = await import('./comments');
const { queueCountsQuery, queueQueries } = await import('./moderation');
const { reportedCommentsQuery } = await import('./reports');
const { findUserForSignInQuery, recentFailuresQuery } = await import('./users');
const { wordpressPostQuery, wordpressTermQuery } = await import('./wordpress-addresses');

runMigrations(db);
afterAll(() => db.$client.close());

type Buildable = { toSQL(): { sql: string; params: unknown[] } };

/** EXPLAIN QUERY PLAN of a built query; placeholders get a value, which the plan does not depend on. */
function plan(query: Buildable, database: Db = db): string {
  const { sql, params } = query.toSQL();
  const values = params.map((param) => (is(param, Placeholder) ? 1 : param));
  const rows = database.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...values) as { detail: string }[];
  return rows.map((row) => row.detail).join('\n');
}

const since = new Date('2025-01-01T00:00:00Z');

/**
 * Each query that runs on a reader's page, on every comment post, on every sign-in or on the desk,
 * and the index that keeps it from reading a whole table. `scans` names tables the query may scan
 * (a subquery's own result, say); a temporary B-tree (a sort of the rows found) is refused unless
 * `sorts` says the order cannot come from an index.
 */
const cases: Record<string, { query: () => Buildable; uses: string[]; sorts?: boolean }> = {
  'home page: latest stories (page 2, without the lead)': {
    query: () => cardPageQueries(storyLists.latest(), 2, 1).items,
    uses: ['articles_status_published_idx', 'comments_article_status_created_idx'],
  },
  'home page: number of stories': { query: () => cardPageQueries(storyLists.latest(), 1, 1).total, uses: ['articles_status_published_idx'] },
  'home page: the lead': { query: () => leadArticleQuery(), uses: ['articles_status_published_idx'], sorts: true },
  'section front': {
    query: () => cardPageQueries(storyLists.section(1), 1).items,
    uses: ['articles_section_status_published_idx', 'comments_article_status_created_idx'],
  },
  'section front: number of stories': { query: () => cardPageQueries(storyLists.section(1), 1).total, uses: ['articles_section_status_published_idx'] },
  'author page': { query: () => cardPageQueries(storyLists.author(1), 1).items, uses: ['article_authors_author_idx', 'articles_status_published_idx'] },
  "cards' bylines": { query: () => bylinesQuery([1, 2, 3]), uses: ['sqlite_autoindex_article_authors_1'], sorts: true },
  'topic page': { query: () => cardPageQueries(storyLists.tag(3), 1).items, uses: ['article_tags_tag_idx', 'articles_status_published_idx'] },
  'story by slug': { query: () => articleBySlugQuery('a-story'), uses: ['articles_slug_unique'] },
  "story's topics": { query: () => articleTagsQuery(1), uses: ['sqlite_autoindex_article_tags_1'], sorts: true },
  'read next: stories sharing a topic': { query: () => relatedCandidateQueries(1, 1).sharedTags, uses: ['article_tags_tag_idx'], sorts: true },
  'read next: newest of the section': { query: () => relatedCandidateQueries(1, 1).sameSection, uses: ['articles_section_status_published_idx'] },
  "a story's approved thread": { query: () => approvedCommentsQuery(1), uses: ['comments_article_status_created_idx', 'wordpress_comments_comment_idx'] },
  // Old WordPress addresses: the few rows a key matches, sorted newest site first.
  'old address: post by path': { query: () => wordpressPostQuery({ path: '/2025/02/12/a' }), uses: ['wordpress_posts_path_idx'], sorts: true },
  'old address: post by slug': { query: () => wordpressPostQuery({ slug: 'été' }), uses: ['wordpress_posts_slug_idx'], sorts: true },
  'old address: post by id': { query: () => wordpressPostQuery({ wpId: 123 }), uses: ['wordpress_posts_wp_id_idx'], sorts: true },
  'old address: category by slug': { query: () => wordpressTermQuery('category', { slug: 'news' }), uses: ['wordpress_terms_slug_idx'], sorts: true },
  'old address: author by id': { query: () => wordpressTermQuery('author', { wpId: 2 }), uses: ['wordpress_terms_wp_id_idx'], sorts: true },
  'comment post: duplicate check': { query: () => postingChecks(db).duplicateTopLevel, uses: ['comments_email_created_idx|comments_email_status_idx'] },
  'comment post: duplicate reply check': { query: () => postingChecks(db).duplicateReply, uses: ['comments_parent_idx|comments_email_(created|status)_idx'] },
  'comment post: flood check': { query: () => postingChecks(db).recent, uses: ['comments_ip_created_idx', 'comments_email_created_idx'] },
  'comment post: an approved comment before': { query: () => postingChecks(db).approvedBefore, uses: ['comments_email_status_idx'] },
  'desk: pending queue, oldest first': {
    query: () => queueQueries({ queue: 'pending', page: 1 }).rows,
    uses: ['comments_status_created_idx', 'comments_email_created_idx'],
  },
  'desk: approved queue, newest first, page 3': { query: () => queueQueries({ queue: 'approved', page: 3 }).rows, uses: ['comments_status_created_idx'] },
  'desk: queue of one story': {
    query: () => queueQueries({ queue: 'pending', articleId: 1, page: 1 }).rows,
    uses: ['comments_article_status_created_idx'],
  },
  'desk: queue searched': { query: () => queueQueries({ queue: 'spam', search: 'casino', page: 1 }).rows, uses: ['comments_status_created_idx'] },
  'desk: size of a queue': { query: () => queueQueries({ queue: 'pending', page: 1 }).total, uses: ['comments_status_created_idx'] },
  'desk: counts of every queue': { query: () => queueCountsQuery(), uses: ['COVERING INDEX comments_status_created_idx'] },
  'desk: reported queue': {
    query: () => reportedCommentsQuery({ page: 1, perPage: 50 }),
    // Only the reported comments, by id: never a walk through every approved one.
    uses: ['comment_reports_open_idx', 'SEARCH comments USING INTEGER PRIMARY KEY'],
    sorts: true,
  },
  'sign-in: the account': { query: () => findUserForSignInQuery('a@example.com'), uses: ['users_email_unique'] },
  'sign-in: the throttle': {
    query: () => recentFailuresQuery('a@example.com', '203.0.113.1', since),
    uses: ['login_failures_email_idx', 'login_failures_ip_idx'],
  },
};

/** A scan of a table of the schema (with or without an index: either reads all of it). */
const tableScan = /\bSCAN (articles|sections|authors|tags|article_tags|comments|users|login_failures|comment_reports|moderation_log|wordpress_posts|wordpress_terms|wordpress_comments)\b/;

function expectGoodPlan(name: string, detail: string) {
  const { uses, sorts } = cases[name]!;
  for (const index of uses) expect(detail, `${name} uses ${index}`).toMatch(new RegExp(index));
  if (name === 'desk: counts of every queue') {
    // Counting every comment by status reads the whole status index, but never the table.
    expect(detail).not.toMatch(/\bSCAN comments$/m);
  } else {
    expect(detail, `${name} reads a whole table`).not.toMatch(tableScan);
  }
  if (!sorts) expect(detail, `${name} sorts what it found`).not.toMatch(/USE TEMP B-TREE/);
}

describe('the query plans of the queries the app runs', () => {
  for (const name of Object.keys(cases)) {
    it(name, () => {
      expectGoodPlan(name, plan(cases[name]!.query()));
    });
  }
});

describe('these checks can fail', () => {
  // Without its index, each query's plan is refused: the test above would catch a dropped index.
  const indexed = Object.entries(cases).flatMap(([name, { uses }]) =>
    uses.flatMap((pattern) => (/^[a-z_]+$/.test(pattern) && !pattern.startsWith('sqlite_autoindex') ? [[name, pattern] as const] : [])),
  );
  for (const [name, index] of indexed) {
    it(`${name}, without ${index}`, async () => {
      const bare = openDatabase(':memory:');
      try {
        runMigrations(bare);
        bare.$client.exec(`drop index ${index}`);
        expect(() => expectGoodPlan(name, plan(cases[name]!.query(), bare))).toThrow();
      } finally {
        bare.$client.close();
      }
    });
  }
});

/**
 * What `ANALYZE` wrote into sqlite_stat1 on the bench's large site (10,000 stories, 205,000 comments).
 * better-sqlite3's SQLite also keeps sqlite_stat4 (sampled values), but a site analyzed by another
 * build of SQLite, or whose sqlite_stat4 is cleared, has these averages alone, and an average can
 * mislead: parent_id shows "4 rows a value" though most comments have none.
 */
const largeSiteStat1: [table: string, index: string, stat: string][] = [
  ['article_authors', 'article_authors_author_idx', '11013 221 1'],
  ['article_authors', 'sqlite_autoindex_article_authors_1', '11013 1 1'],
  ['article_tags', 'article_tags_tag_idx', '35061 117 1'],
  ['article_tags', 'sqlite_autoindex_article_tags_1', '35061 4 1'],
  ['articles', 'articles_section_status_published_idx', '10012 2003 1002 1'],
  ['articles', 'articles_slug_unique', '10012 1'],
  ['articles', 'articles_status_published_idx', '10012 5006 1'],
  ['authors', 'authors_slug_unique', '50 1'],
  ['comments', 'comments_article_status_created_idx', '205000 21 16 1'],
  ['comments', 'comments_email_created_idx', '205000 12 1'],
  ['comments', 'comments_email_status_idx', '205000 12 12'],
  ['comments', 'comments_ip_created_idx', '205000 12 1'],
  ['comments', 'comments_parent_idx', '205000 4'],
  ['comments', 'comments_status_created_idx', '205000 102500 1'],
  ['sections', 'sections_slug_unique', '5 1'],
  ['tags', 'tags_slug_unique', '300 1'],
];

describe('the same plans under the averages ANALYZE leaves on a large site', () => {
  const analyzed = openDatabase(':memory:');
  runMigrations(analyzed);
  analyzed.$client.exec('ANALYZE'); // creates sqlite_stat1 (empty tables give it no rows)
  const insert = analyzed.$client.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
  for (const row of largeSiteStat1) insert.run(...row);
  analyzed.$client.exec('ANALYZE sqlite_schema'); // the planner reloads the statistics
  afterAll(() => analyzed.$client.close());

  // Told how few stories an author or topic has (221 and 117 on average), the planner finds them
  // through the byline or topic index and sorts them, rather than walking every published story in
  // order: a good plan too.
  const sortedFew: Record<string, RegExp> = { 'author page': /article_authors_author_idx/, 'topic page': /article_tags_tag_idx/ };

  for (const name of Object.keys(cases)) {
    it(name, () => {
      const detail = plan(cases[name]!.query(), analyzed);
      if (sortedFew[name]) {
        expect(detail).toMatch(sortedFew[name]);
        expect(detail).not.toMatch(tableScan);
      } else {
        expectGoodPlan(name, detail);
      }
    });
  }
});
