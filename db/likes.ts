import 'server-only';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { LIKE_RATE_WINDOW_MS, likeRefreshDue, type LikeWeight, weighLike } from '@/lib/likes';
import { reporterAddress } from '@/lib/reports';
import { db } from './client';
import { articles, cacheTagExpirations, commentLikes, comments, sections } from './schema';
import { tags } from './tags';
import { all, get, lock, transact, type TransactionBody } from './transact';

export type NewLike = {
  commentId: number;
  /** The random id from the liker's browser cookie. */
  liker: string;
  /** The client address (server/client-ip.ts), 'unknown' where it cannot be known. */
  ip: string;
  now: Date;
};

/** Where the comment is: its story's id and address. */
type Place = { articleId: number; path: string };

export type LikeResult =
  /** `likes`: the comment's count once this like was counted, or as it stands when it was not. */
  | (Place & { kind: 'liked'; likes: number })
  | (Place & { kind: 'already'; likes: number })
  | (Place & { kind: Exclude<LikeWeight, 'counts'>; likes: number })
  | { kind: 'not-found' };

/**
 * Records a browser's like of an approved comment on a published story and counts it in
 * `comments.like_count`, in one transaction (IMMEDIATE on SQLite; on PostgreSQL under advisory locks
 * of the browser and the address, so that their hourly caps and the address's share of the comment
 * are checked race-free across app servers). The like's row and the count's increment commit
 * together: `like_count` is always the number of rows. A browser's second like changes nothing.
 */
export async function insertLike(input: NewLike): Promise<LikeResult> {
  const address = reporterAddress(input.ip);
  const since = new Date(input.now.getTime() - LIKE_RATE_WINDOW_MS);
  return transact(db, function* (tx): TransactionBody<LikeResult> {
    // Always browser before address, so no two likes wait on each other.
    yield* lock(`like:browser:${input.liker}`);
    yield* lock(`like:address:${address}`);
    const comment = yield* get(
      tx
        .select({ id: comments.id, likes: comments.likeCount, articleId: comments.articleId, slug: articles.slug, sectionSlug: sections.slug })
        .from(comments)
        .innerJoin(articles, and(eq(articles.id, comments.articleId), eq(articles.status, 'published')))
        .innerJoin(sections, eq(sections.id, articles.sectionId))
        .where(and(eq(comments.id, input.commentId), eq(comments.status, 'approved'))),
    );
    if (!comment) return { kind: 'not-found' };
    const place: Place = { articleId: comment.articleId, path: `/${comment.sectionSlug}/${comment.slug}` };

    const mine = and(eq(commentLikes.commentId, comment.id), eq(commentLikes.liker, input.liker));
    if (yield* get(tx.select({ liker: commentLikes.liker }).from(commentLikes).where(mine))) return { ...place, kind: 'already', likes: comment.likes };

    const tally = function* (where: ReturnType<typeof and>) {
      return ((yield* get(tx.select({ n: count() }).from(commentLikes).where(where))) ?? { n: 0 }).n;
    };
    const weight = weighLike({
      likesFromBrowserLastHour: yield* tally(and(eq(commentLikes.liker, input.liker), gt(commentLikes.createdAt, since))),
      likesFromAddressLastHour: yield* tally(and(eq(commentLikes.ip, address), gt(commentLikes.createdAt, since))),
      likesFromAddressOnComment: yield* tally(and(eq(commentLikes.commentId, comment.id), eq(commentLikes.ip, address))),
    });
    if (weight !== 'counts') return { ...place, kind: weight, likes: comment.likes };

    // The browser's lock already keeps its likes one at a time; the key makes a second row impossible anyway.
    const inserted = yield* all(
      tx
        .insert(commentLikes)
        .values({ commentId: comment.id, liker: input.liker, ip: address, createdAt: input.now })
        .onConflictDoNothing()
        .returning({ liker: commentLikes.liker }),
    );
    if (inserted.length === 0) return { ...place, kind: 'already', likes: comment.likes };
    const [counted] = yield* all(
      tx
        .update(comments)
        .set({ likeCount: sql`${comments.likeCount} + 1` })
        .where(eq(comments.id, comment.id))
        .returning({ likes: comments.likeCount }),
    );
    return { ...place, kind: 'liked', likes: counted?.likes ?? comment.likes + 1 };
  });
}

/**
 * Whether a like should refresh its story's cached thread now: not when anything refreshed it in the
 * last few seconds (lib/likes.ts `LIKE_REFRESH_MS`). Read from the tag invalidations every app server
 * shares (db/cache-tags.ts), so the interval holds across servers, not per process.
 */
export async function likeRefreshDueFor(articleId: number, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ staleAt: cacheTagExpirations.staleAt })
    .from(cacheTagExpirations)
    .where(eq(cacheTagExpirations.tag, tags.comments(articleId)));
  return likeRefreshDue(row?.staleAt ?? null, now.getTime());
}
