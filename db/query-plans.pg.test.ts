import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { postgresMissing, usePostgresDatabase } from '../test/postgres';

vi.mock('server-only', () => ({}));
vi.mock('next/cache', () => ({ cacheLife: () => {}, cacheTag: () => {} }));

/**
 * The story lists on PostgreSQL, newest first with undated stories last (`desc nulls last`), read
 * their index in order: no sort of every published story for one page. 5,000 stories in two sections,
 * a few undated, so that the planner weighs the choice as a site's would.
 */
describe.skipIf(postgresMissing)(`story lists on PostgreSQL use their indexes${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db } = usePostgresDatabase();
  const pg = () => db as unknown as NodePgDatabase;

  beforeAll(async () => {
    await pg().execute(sql`insert into sections (slug, name, position) values ('news', 'News', 1), ('sport', 'Sport', 2)`);
    await pg().execute(sql`
      insert into articles (slug, section_id, headline, body, status, published_at)
      select 'story-' || n, 1 + n % 2, 'Story ' || n, 'Body of story ' || n, 'published',
             case when n % 500 = 0 then null else now() - n * interval '1 hour' end
      from generate_series(1, 5000) as n`);
    await pg().execute(sql`analyze`);
  });

  it.each([
    ['home page', 'latest'],
    ['section front', 'section'],
  ] as const)('%s reads a published-date index in order, without sorting the stories', async (_name, list) => {
    const { cardPageQueries, storyLists } = await import('./articles');
    const where = list === 'latest' ? storyLists.latest() : storyLists.section(1);
    const { sql: text, params } = cardPageQueries(where, 2).items.toSQL();
    const plan = await pg().transaction(async (tx) => {
      const { rows } = await tx.execute(sql.raw(`explain ${text.replace(/\$(\d+)/g, (_match, n: string) => literal(params[Number(n) - 1]))}`));
      return rows.map((row) => String(row['QUERY PLAN'])).join('\n');
    });
    // Read in order from one of the published-date indexes (the section's, or the site's filtered by
    // section when a section holds half the stories); an Incremental Sort on the id tiebreak is fine,
    // a full Sort of the stories is not.
    expect(plan).toMatch(/Index Scan using articles_(section_)?status_published_idx on articles/);
    expect(plan).not.toMatch(/(^|->)\s*Sort\s+\(cost/m);
  });
});

function literal(value: unknown) {
  if (typeof value === 'number') return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}
