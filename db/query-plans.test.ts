import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { runMigrations } from './migrate';

// The hot queries of the public pages and the comment action, as SQLite plans them on the committed
// schema: each must find its rows through an index, never a scan of a whole table or a sort.
const database = openDatabase(':memory:');
runMigrations(database);
afterAll(() => database.$client.close());

const plan = (sql: string) =>
  (database.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('\n');

const cases: Record<string, [string, RegExp]> = {
  'home list': [
    `select a.id from articles a join sections s on s.id = a.section_id join authors au on au.id = a.author_id
     where a.status = 'published' and a.id != 1 order by a.published_at desc, a.id desc limit 20 offset 20`,
    /articles_status_published_idx/,
  ],
  'section front': [
    `select a.id from articles a join sections s on s.id = a.section_id join authors au on au.id = a.author_id
     where a.status = 'published' and a.section_id = 1 order by a.published_at desc, a.id desc limit 20`,
    /articles_section_status_published_idx/,
  ],
  'author page': [
    `select a.id from articles a where a.status = 'published' and a.author_id = 1 order by a.published_at desc limit 20`,
    /articles_author_status_published_idx/,
  ],
  'tag page': [
    `select a.id from articles a where a.status = 'published'
     and a.id in (select article_id from article_tags where tag_id = 3) order by a.published_at desc limit 20`,
    /article_tags_tag_idx/,
  ],
  'article by slug': [`select a.id from articles a where a.status = 'published' and a.slug = 'x'`, /articles_slug_unique/],
  'comment count': [
    `select count(*) from comments where article_id = 1 and status = 'approved'`,
    /comments_article_status_created_idx/,
  ],
  'approved comments': [
    `select id, author_name, body from comments where article_id = 1 and status = 'approved' order by created_at, id`,
    /comments_article_status_created_idx/,
  ],
  'flood check': [
    `select id from comments where (ip = '203.0.113.1' or author_email = 'a@example.com') and created_at > 0 limit 1`,
    /comments_ip_created_idx[\s\S]*comments_email_created_idx/,
  ],
  'previously approved': [
    `select id from comments where author_email = 'a@example.com' and status = 'approved' limit 1`,
    /comments_email_status_idx/,
  ],
};

describe('query plans', () => {
  for (const [name, [sql, index]] of Object.entries(cases)) {
    it(`${name} uses its index`, () => {
      const detail = plan(sql);
      expect(detail).toMatch(index);
      expect(detail).not.toMatch(/SCAN (a|articles|comments)\b|USE TEMP B-TREE/);
    });
  }
});
