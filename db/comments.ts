import 'server-only';
import { and, asc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import type { CommentFields, Decision } from '@/lib/comment-rules';
import type { CommentStatus } from '@/lib/comment-status';
import { db, isPostgres } from './client';
import { logRows } from './log-rows';
import { mailAfterPosting, type MailOnPosting, type PostingMailAnswer } from './mail-posting';
import { articles, comments, moderationLog, sections, wordpressComments } from './schema';
import { insertCommentOnSqlite } from './sqlite/comments';
import { tags } from './tags';
import { all, get, lock, run, transact, type TransactionBody } from './transact';

/** What a public page may know about a comment: never the email, IP or user agent. */
const publicColumns = {
  id: comments.id,
  parentId: comments.parentId,
  authorName: comments.authorName,
  authorUrl: comments.authorUrl,
  body: comments.body,
  createdAt: comments.createdAt,
  isStaff: sql<boolean>`(${comments.userId} is not null or ${comments.bylineId} is not null)`.mapWith(Boolean),
  featured: sql<boolean>`(${comments.featuredAt} is not null)`.mapWith(Boolean),
  editedAt: comments.editedAt,
  likeCount: comments.likeCount,
};

export type PublicComment = {
  id: number;
  parentId: number | null;
  authorName: string;
  authorUrl: string;
  body: string;
  createdAt: Date;
  /** Written by a member of staff on the moderation desk, or by a byline on the WordPress site it came from. */
  isStaff: boolean;
  /** An editors' pick: shown first under the story, in its own block, and with a badge in the thread. */
  featured: boolean;
  /** When its text was last changed (by its writer in the edit window, or on the desk): shown as "edited". */
  editedAt: Date | null;
  /** How many browsers like it; cached with the thread, so it can lag (lib/likes.ts `LIKE_REFRESH_MS`, docs/site.md). */
  likeCount: number;
  /** Its id on the WordPress site it was imported from, whose links still point at `#comment-<id>`. */
  wordpressId?: number | null;
};

/** Every approved comment on a story, oldest first; the page threads and pages them. */
export async function listApprovedComments(articleId: number): Promise<PublicComment[]> {
  'use cache';
  cacheTag(tags.comments(articleId));
  cacheLife('content');
  return approvedCommentsQuery(articleId);
}

export function approvedCommentsQuery(articleId: number) {
  return db
    .select({ ...publicColumns, wordpressId: wordpressComments.wpId })
    .from(comments)
    .leftJoin(wordpressComments, eq(wordpressComments.commentId, comments.id))
    .where(and(eq(comments.articleId, articleId), eq(comments.status, 'approved')))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}

/** The held comments of one browser (ids from its signed cookie) on one story; read per request. */
export async function listOwnPendingComments(articleId: number, ids: number[]): Promise<PublicComment[]> {
  if (ids.length === 0) return [];
  return db
    .select(publicColumns)
    .from(comments)
    .where(and(eq(comments.articleId, articleId), eq(comments.status, 'pending'), inArray(comments.id, ids)));
}

/**
 * The status of each of these comments (ids from a browser's signed cookies) that is on this story:
 * what proxy.ts decides from whether that browser's per-reader view of the story still has anything
 * of its own to show (server/own-view.ts). Read per request, by primary key.
 */
export async function ownCommentStatuses(articleId: number, ids: number[]): Promise<{ id: number; status: CommentStatus }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: comments.id, status: comments.status })
    .from(comments)
    .where(and(eq(comments.articleId, articleId), inArray(comments.id, ids)));
}

/** Which of these ids are still pending (the rest were decided and can leave the cookie). */
export async function filterPendingIds(ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.status, 'pending'), inArray(comments.id, ids)));
  return rows.map((row) => row.id);
}

/** An approved comment of this story, for replying to; null otherwise. */
export async function findApprovedParent(articleId: number, id: number) {
  const [row] = await db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.id, id), eq(comments.articleId, articleId), eq(comments.status, 'approved')));
  return row ?? null;
}

export type NewComment = {
  articleId: number;
  parentId: number | null;
  fields: CommentFields;
  now: Date;
  floodIntervalSeconds: number;
  /** What the comment sets off by email, written in its transaction (db/mail-posting.ts); absent when mail is off. */
  mail?: MailOnPosting;
};

export type InsertResult =
  | { kind: 'created'; id: number; status: Exclude<CommentStatus, 'trash'>; mail?: PostingMailAnswer }
  | { kind: 'flood' }
  | { kind: 'duplicate' };

/** The posting checks as db/query-plans.test.ts plans them (SQLite's prepared path runs these very queries). */
export { postingChecks } from './sqlite/comments';

/**
 * Checks for a duplicate and for flooding, decides the status and writes the comment, all in one
 * transaction so that concurrent posts (from any number of app servers) cannot slip past the checks
 * together: on SQLite an IMMEDIATE one over prepared statements (db/sqlite/comments.ts); on PostgreSQL one that
 * first takes the advisory locks of the address and the email. `decide` gets whether this email
 * already has an approved comment.
 */
export async function insertComment(input: NewComment, decide: (hasApprovedComment: boolean) => Decision): Promise<InsertResult> {
  if (isPostgres(db)) return insertCommentLocked(input, decide);
  return insertCommentOnSqlite(input, decide);
}

/** insertComment for PostgreSQL, under READ COMMITTED: the locks stand in for SQLite's one writer. */
function insertCommentLocked(input: NewComment, decide: (hasApprovedComment: boolean) => Decision): Promise<InsertResult> {
  const { fields, now } = input;
  return transact(db, function* (tx): TransactionBody<InsertResult> {
    // Always address before email, so that two posts sharing only one of them never deadlock.
    yield* lock(`comment:ip:${fields.ip}`);
    yield* lock(`comment:email:${fields.email}`);
    const duplicate = yield* get(
      tx
        .select({ id: comments.id })
        .from(comments)
        .where(
          and(
            eq(comments.articleId, input.articleId),
            eq(comments.authorEmail, fields.email),
            input.parentId === null ? isNull(comments.parentId) : eq(comments.parentId, input.parentId),
            eq(comments.body, fields.body),
          ),
        )
        .limit(1),
    );
    if (duplicate) return { kind: 'duplicate' };

    if (input.floodIntervalSeconds > 0) {
      const since = new Date(now.getTime() - input.floodIntervalSeconds * 1000);
      const recent = yield* get(
        tx
          .select({ id: comments.id })
          .from(comments)
          .where(and(or(eq(comments.ip, fields.ip), eq(comments.authorEmail, fields.email)), gt(comments.createdAt, since)))
          .limit(1),
      );
      if (recent) return { kind: 'flood' };
    }

    const approvedBefore = yield* get(
      tx
        .select({ id: comments.id })
        .from(comments)
        .where(and(eq(comments.authorEmail, fields.email), eq(comments.status, 'approved')))
        .limit(1),
    );
    const decision = decide(approvedBefore !== undefined);
    const [row] = yield* all(
      tx
        .insert(comments)
        .values({
          articleId: input.articleId,
          parentId: input.parentId,
          authorName: fields.name,
          authorEmail: fields.email,
          authorUrl: fields.url,
          body: fields.body,
          ip: fields.ip,
          userAgent: fields.userAgent,
          status: decision.status,
          heldReason: decision.reason,
          createdAt: now,
        })
        .returning({ id: comments.id }),
    );
    const mail = input.mail ? yield* mailAfterPosting(tx, { id: row!.id, articleId: input.articleId, email: fields.email, status: decision.status }, input.mail, now) : undefined;
    return { kind: 'created', id: row!.id, status: decision.status, mail };
  });
}

/** Where a comment lives, for its permalink; null when it or its story is not public. */
export async function findCommentLocation(id: number) {
  const [row] = await db
    .select({ id: comments.id, status: comments.status, articleId: comments.articleId, slug: articles.slug, sectionSlug: sections.slug })
    .from(comments)
    .innerJoin(articles, and(eq(articles.id, comments.articleId), eq(articles.status, 'published')))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(eq(comments.id, id));
  return row ?? null;
}

/** A comment as its writer's edit page needs it (the browser's cookie says whose it is). */
export async function findOwnComment(id: number) {
  const [row] = await db
    .select({
      id: comments.id,
      articleId: comments.articleId,
      status: comments.status,
      body: comments.body,
      authorName: comments.authorName,
      createdAt: comments.createdAt,
      headline: articles.headline,
      slug: articles.slug,
      sectionSlug: sections.slug,
    })
    .from(comments)
    .innerJoin(articles, and(eq(articles.id, comments.articleId), eq(articles.status, 'published')))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(comments.id, id), inArray(comments.status, ['pending', 'approved'])));
  return row ?? null;
}

export type OwnRevision =
  | { kind: 'gone' }
  | { kind: 'expired' }
  | { kind: 'replied' }
  | { kind: 'revised'; articleId: number; from: CommentStatus; to: CommentStatus };

/**
 * A commenter's own edit (`body`) or deletion (`body` null: to the Trash, where a moderator can still
 * see it) inside the edit window: refused once the window has closed (the comment was posted before
 * `postedAfter`) or anyone has replied. An edit goes back through the rules (`decide`, given the
 * comment as edited and whether its email has another approved comment), so an approved comment
 * cannot be edited into spam. The change and its log row are one transaction.
 */
export function reviseOwnComment(
  id: number,
  body: string | null,
  { now, postedAfter, decide }: { now: Date; postedAfter: Date; decide: (comment: CommentFields, hasOtherApproved: boolean) => Decision },
): Promise<OwnRevision> {
  return transact(db, function* (tx): TransactionBody<OwnRevision> {
    const comment = yield* get(
      tx
        .select()
        .from(comments)
        .where(and(eq(comments.id, id), inArray(comments.status, ['pending', 'approved']))),
    );
    if (!comment) return { kind: 'gone' };
    if (comment.createdAt.getTime() <= postedAfter.getTime()) return { kind: 'expired' };
    const reply = yield* get(
      tx
        .select({ id: comments.id })
        .from(comments)
        .where(and(eq(comments.parentId, id), inArray(comments.status, ['pending', 'approved'])))
        .limit(1),
    );
    if (reply) return { kind: 'replied' };
    const actor = { actorId: null, actorName: `${comment.authorName} (commenter)` };
    if (body === null) {
      yield* run(tx.update(comments).set({ status: 'trash', previousStatus: comment.status }).where(eq(comments.id, id)));
      yield* run(
        tx.insert(moderationLog).values(
          logRows([{ actor: null, action: 'comment.author-delete', targetType: 'comment', targetId: id, before: { status: comment.status }, after: { status: 'trash' } }], now).map((row) => ({ ...row, ...actor })),
        ),
      );
      return { kind: 'revised', articleId: comment.articleId, from: comment.status, to: 'trash' };
    }
    const other = yield* get(
      tx
        .select({ id: comments.id })
        .from(comments)
        .where(and(eq(comments.authorEmail, comment.authorEmail), eq(comments.status, 'approved'), ne(comments.id, id)))
        .limit(1),
    );
    const fields = { name: comment.authorName, email: comment.authorEmail, url: comment.authorUrl, body, ip: comment.ip, userAgent: comment.userAgent };
    const decision = decide(fields, other !== undefined);
    yield* run(
      tx
        .update(comments)
        .set({
          body,
          editedAt: now,
          status: decision.status,
          heldReason: decision.reason,
          ...(decision.status !== comment.status ? { previousStatus: comment.status } : {}),
        })
        .where(eq(comments.id, id)),
    );
    yield* run(
      tx.insert(moderationLog).values(
        logRows(
          [{ actor: null, action: 'comment.author-edit', targetType: 'comment', targetId: id, before: { body: comment.body, status: comment.status }, after: { body, status: decision.status } }],
          now,
        ).map((row) => ({ ...row, ...actor })),
      ),
    );
    return { kind: 'revised', articleId: comment.articleId, from: comment.status, to: decision.status };
  });
}
