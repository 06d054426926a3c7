/**
 * Publishing scheduled stories when their time comes. Every app server asks every few seconds
 * (server/schedule.ts); each due story is claimed by one conditional UPDATE inside a transaction
 * (db/transact.ts: IMMEDIATE on SQLite; on PostgreSQL a second claimer waits on the row, then finds it
 * no longer scheduled), so with several servers on one database a story is published once, with one
 * log row.
 * The same transaction records the cache tags of every page that now shows the story
 * (`cache_tag_expirations`), which every server reads before it serves from memory: the home page,
 * section, author and topic pages, feeds, sitemaps and search show it at the next request, with no
 * reader's request needed to set it off and no restart.
 *
 * Not 'server-only': it takes the connection it runs on (the schedule opens its own, so that this
 * process's cache handlers learn of the change as they learn of other processes' changes).
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from './client';
import { expireTagsInTransaction } from './cache-tags';
import { logRows } from './log-rows';
import { articleAuthors, articles, moderationLog } from './schema';
import { storyPageTagsInTransaction } from './story-tags';
import { all, lock, run, transact } from './transact';

export type DuePublication = { id: number; slug: string; headline: string; publishedAt: Date };

/** Publishes every scheduled story whose time has come; returns those this call published. */
export async function publishDueStories(database: Db, now = new Date()): Promise<DuePublication[]> {
  const due = (reader: Pick<Db, 'select'>) =>
    reader
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.status, 'scheduled'), lte(articles.publishedAt, now)))
      .orderBy(asc(articles.id));
  // Most calls find nothing: a read, no write lock taken.
  if ((await due(database)).length === 0) return [];
  return transact(database, function* (tx) {
    // On PostgreSQL, one server's run at a time: two runs claiming stories and writing the same cache
    // tags (`latest`) in different orders could otherwise deadlock.
    yield* lock('schedule');
    const published: DuePublication[] = [];
    for (const { id } of yield* all(due(tx))) {
      // An editor's save of this story (db/stories.ts) checks its version under the same lock.
      yield* lock(`story:${id}`);
      // Claimed only if still scheduled and still due: another server, or an editor's change, may have come first.
      const [row] = yield* all(
        tx
          .update(articles)
          .set({ status: 'published' })
          .where(and(eq(articles.id, id), eq(articles.status, 'scheduled'), lte(articles.publishedAt, now)))
          .returning({
            id: articles.id,
            slug: articles.slug,
            headline: articles.headline,
            publishedAt: articles.publishedAt,
            updatedAt: articles.updatedAt,
            sectionId: articles.sectionId,
          }),
      );
      if (!row?.publishedAt) continue;
      // The story's version moves (an editor's open form must not save over the publication unseen);
      // to the publication time itself, so the page does not call it updated.
      const version = new Date(Math.max(row.publishedAt.getTime(), (row.updatedAt?.getTime() ?? 0) + 1));
      yield* run(tx.update(articles).set({ updatedAt: version, updatedBy: null }).where(eq(articles.id, id)));
      const bylines = yield* all(tx.select({ id: articleAuthors.authorId }).from(articleAuthors).where(eq(articleAuthors.articleId, id)));
      const place = { ...row, authorIds: bylines.map((byline) => byline.id), status: 'published', featured: false };
      yield* expireTagsInTransaction(tx, yield* storyPageTagsInTransaction(tx, [place], true), now.getTime());
      yield* run(
        tx.insert(moderationLog).values(
          logRows(
            [{ actor: null, action: 'story.published', targetType: 'story', targetId: id, before: { status: 'scheduled' }, after: { status: 'published', publishedAt: row.publishedAt.toISOString(), by: 'schedule' } }],
            now,
          ),
        ),
      );
      published.push({ id, slug: row.slug, headline: row.headline, publishedAt: row.publishedAt });
    }
    return published;
  });
}
