import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { migrationsFolder, runMigrations } from './migrate';

/** A copy of the committed migrations up to and including `lastTag`, as a database made then saw them. */
function migrationsUpTo(lastTag: string) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-migrations-'));
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const entries = journal.entries.slice(0, journal.entries.findIndex((entry) => entry.tag === lastTag) + 1);
  fs.mkdirSync(path.join(folder, 'meta'));
  fs.writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const { tag } of entries) fs.copyFileSync(path.join(migrationsFolder, `${tag}.sql`), path.join(folder, `${tag}.sql`));
  return folder;
}

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

describe('migrating a database made before several bylines (0009_bylines)', () => {
  it('keeps every story with its one byline, every comment, and search by the byline', async () => {
    const database = openDatabase(':memory:');
    const before = migrationsUpTo('0008_story_topic_order');
    folders.push(before);
    runMigrations(database, before);
    const sqlite = database.$client;
    sqlite.exec(`
      insert into sections (slug, name) values ('news', 'News');
      insert into authors (slug, name) values ('ada', 'Ada Lovelace'), ('bo', 'Bo Oldhand');
      insert into articles (slug, section_id, author_id, headline, body, status, published_at)
        values ('first', 1, 1, 'The first story', 'Text.', 'published', 1), ('second', 1, 2, 'A draft', 'Text.', 'draft', null);
      insert into comments (article_id, author_name, author_email, body, status, created_at)
        values (1, 'Reader', 'reader@example.com', 'A comment.', 'approved', 2);
    `);

    runMigrations(database);

    expect(sqlite.prepare('select count(*) as n from comments').get()).toEqual({ n: 1 });
    expect(sqlite.prepare('select article_id, author_id, position from article_authors order by article_id').all()).toEqual([
      { article_id: 1, author_id: 1, position: 0 },
      { article_id: 2, author_id: 2, position: 0 },
    ]);
    const columns = (sqlite.prepare('pragma table_info(articles)').all() as { name: string }[]).map((column) => column.name);
    expect(columns).not.toContain('author_id');
    expect(sqlite.prepare(`select rowid from articles_fts where articles_fts match 'lovelace'`).all()).toEqual([{ rowid: 1 }]);
    expect(sqlite.prepare(`select rowid from articles_fts where articles_fts match 'oldhand'`).all()).toEqual([]);
    sqlite.exec(`insert into articles_fts (articles_fts) values ('integrity-check')`);
    // Foreign keys are on again, and hold.
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => sqlite.exec('insert into article_authors (article_id, author_id) values (99, 1)')).toThrow(/FOREIGN KEY/);
  });
});
