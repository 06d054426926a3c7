import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { articleAuthors, articles } from '../db/schema';
import { all, run, transact, type Tx } from '../db/transact';

type StoryRow = typeof articles.$inferInsert;
type StoryValues = StoryRow & ({ authorId: number } | { authorIds: number[] });

/**
 * For tests that make stories straight in the database, on either engine: the story and its
 * byline(s) (`authorId`, or `authorIds` in the order printed), in one transaction; the row as inserted.
 */
export function insertStoryRow(database: Db, values: StoryValues) {
  return transact(database, (tx) => insertStorySteps(tx, values));
}

/** The same, as steps of a transaction the caller runs (db/transact.ts), to make many stories at once. */
export function* insertStorySteps(tx: Tx, values: StoryValues) {
  const { authorId, authorIds, ...story } = values as StoryRow & { authorId?: number; authorIds?: number[] };
  const [row] = yield* all(tx.insert(articles).values(story).returning());
  for (const [position, id] of (authorIds ?? [authorId!]).entries()) {
    yield* run(tx.insert(articleAuthors).values({ articleId: row!.id, authorId: id, position }));
  }
  return row!;
}

/** A story's bylines' ids, in the order printed. */
export async function storyBylineIds(database: Db, articleId: number): Promise<number[]> {
  const rows = await database
    .select({ id: articleAuthors.authorId })
    .from(articleAuthors)
    .where(eq(articleAuthors.articleId, articleId))
    .orderBy(asc(articleAuthors.position));
  return rows.map((row) => row.id);
}
