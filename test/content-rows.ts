/**
 * Content rows for tests that run on either engine: awaited inserts, which SQLite's and PostgreSQL's
 * Drizzle builders both take (test/story.ts's helpers are better-sqlite3's synchronous ones).
 */
import type { Db } from '../db/client';
import { articleAuthors, articles, articleTags, authors, sections, tags as tagTable, users } from '../db/schema';

type StoryRow = typeof articles.$inferInsert;

/** A story and its bylines (in the order printed) and topics; the row as inserted. */
export async function insertStory(database: Db, values: StoryRow & { authorIds: number[]; tagIds?: number[] }) {
  const { authorIds, tagIds = [], ...story } = values;
  const [row] = await database.insert(articles).values(story).returning();
  if (authorIds.length) await database.insert(articleAuthors).values(authorIds.map((authorId, position) => ({ articleId: row!.id, authorId, position })));
  if (tagIds.length) await database.insert(articleTags).values(tagIds.map((tagId, position) => ({ articleId: row!.id, tagId, position })));
  return row!;
}

export async function insertSection(database: Db, slug: string, position = 0) {
  const [row] = await database.insert(sections).values({ slug, name: slug[0]!.toUpperCase() + slug.slice(1), position }).returning();
  return row!;
}

export async function insertAuthor(database: Db, slug: string, name = slug) {
  const [row] = await database.insert(authors).values({ slug, name }).returning();
  return row!;
}

export async function insertTopic(database: Db, slug: string, name = slug) {
  const [row] = await database.insert(tagTable).values({ slug, name }).returning();
  return row!;
}

/** A staff account to act as. */
export async function insertEditor(database: Db, name: string) {
  const [row] = await database.insert(users).values({ email: `${name.toLowerCase().replace(/\W+/g, '.')}.${Math.random().toString(36).slice(2)}@example.com`, name, passwordHash: 'x', role: 'editor' }).returning();
  return row!;
}
