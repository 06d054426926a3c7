/**
 * The newsroom desk's bylines (author profiles): their names and short bios, as editors keep them.
 * Readers' reads of them are in ./articles.ts.
 */
import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import { db } from './client';
import { logRows } from './log-rows';
import { articles, authors, moderationLog } from './schema';

/** Every byline, with how many stories carry it. */
export function listBylines() {
  return db
    .select({ id: authors.id, slug: authors.slug, name: authors.name, bio: authors.bio, stories: count(articles.id) })
    .from(authors)
    .leftJoin(articles, eq(articles.authorId, authors.id))
    .groupBy(authors.id)
    .orderBy(asc(authors.name))
    .all();
}

export function getByline(id: number) {
  const [row] = db.select({ id: authors.id, slug: authors.slug, name: authors.name, bio: authors.bio }).from(authors).where(eq(authors.id, id)).all();
  return row ?? null;
}

export type BylineSave = { kind: 'saved'; slug: string; storyIds: number[] } | { kind: 'not-found' };

/** Renames a byline or changes its bio, with its log row, in one transaction; returns the stories that carry it. */
export function saveByline(id: number, values: { name: string; bio: string }, actor: { id: number; name: string }): BylineSave {
  return db.transaction(
    (tx) => {
      const [before] = tx.select({ slug: authors.slug, name: authors.name, bio: authors.bio }).from(authors).where(eq(authors.id, id)).all();
      if (!before) return { kind: 'not-found' } as const;
      tx.update(authors).set(values).where(eq(authors.id, id)).run();
      tx.insert(moderationLog)
        .values(logRows([{ actor, action: 'byline.save', targetType: 'byline', targetId: id, before: { name: before.name, bio: before.bio }, after: values }], new Date()))
        .run();
      const storyIds = tx.select({ id: articles.id }).from(articles).where(eq(articles.authorId, id)).all().map((row) => row.id);
      return { kind: 'saved', slug: before.slug, storyIds } as const;
    },
    { behavior: 'immediate' },
  );
}
