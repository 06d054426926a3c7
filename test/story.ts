import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { articleAuthors, articles, authors, sections } from '../db/schema';

type StoryRow = typeof articles.$inferInsert;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * For tests that make stories straight in the database: the story and its byline(s) (`authorId`,
 * or `authorIds` in the order printed), in one transaction; the row as inserted.
 */
export function insertStoryRow(database: Db | Tx, values: StoryRow & ({ authorId: number } | { authorIds: number[] })) {
  const { authorId, authorIds, ...story } = values as StoryRow & { authorId?: number; authorIds?: number[] };
  return database.transaction((tx) => {
    const [row] = tx.insert(articles).values(story).returning().all();
    (authorIds ?? [authorId!]).forEach((id, position) => tx.insert(articleAuthors).values({ articleId: row!.id, authorId: id, position }).run());
    return row!;
  });
}

/** For unit tests on an in-memory database: one published story (with its section and author); its id. */
export function insertTestStory(database: Db, publishedAt: Date): number {
  const [section] = database.insert(sections).values({ slug: 'news', name: 'News' }).returning().all();
  const [author] = database.insert(authors).values({ slug: 'ed', name: 'Ed' }).returning().all();
  return insertStoryRow(database, { slug: 'story', sectionId: section!.id, authorId: author!.id, headline: 'A story', body: 'Text', status: 'published', publishedAt }).id;
}

/** A story's bylines' ids, in the order printed. */
export function storyBylineIds(database: Db, articleId: number): number[] {
  return database
    .select({ id: articleAuthors.authorId })
    .from(articleAuthors)
    .where(eq(articleAuthors.articleId, articleId))
    .orderBy(asc(articleAuthors.position))
    .all()
    .map((row) => row.id);
}
