import 'server-only';
import { and, asc, eq, gt, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import type { CommentFields, Decision } from '@/lib/comment-rules';
import type { CommentStatus } from '@/lib/comment-status';
import { db, type Db, isPostgres, preparedOnce } from './client';
import { articles, comments, sections, wordpressComments } from './schema';
import { tags } from './tags';
import { all, get, lock, transact, type TransactionBody } from './transact';

/** What a public page may know about a comment: never the email, IP or user agent. */
const publicColumns = {
  id: comments.id,
  parentId: comments.parentId,
  authorName: comments.authorName,
  authorUrl: comments.authorUrl,
  body: comments.body,
  createdAt: comments.createdAt,
  isStaff: sql<boolean>`(${comments.userId} is not null or ${comments.bylineId} is not null)`.mapWith(Boolean),
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
};

export type InsertResult =
  | { kind: 'created'; id: number; status: Exclude<CommentStatus, 'trash'> }
  | { kind: 'flood' }
  | { kind: 'duplicate' };

/**
 * The checks a new comment runs before it is written (duplicate, flood, an earlier approved comment),
 * with placeholders; exported unprepared so that db/query-plans.test.ts plans these very queries.
 */
export function postingChecks(database: Db) {
  const p = sql.placeholder;
  const duplicateOf = (parent: SQL) =>
    database
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.articleId, p('articleId')), eq(comments.authorEmail, p('email')), parent, eq(comments.body, p('body'))))
      .limit(1);
  return {
    duplicateTopLevel: duplicateOf(isNull(comments.parentId)),
    duplicateReply: duplicateOf(eq(comments.parentId, p('parentId'))),
    recent: database
      .select({ id: comments.id })
      .from(comments)
      .where(and(or(eq(comments.ip, p('ip')), eq(comments.authorEmail, p('email'))), gt(comments.createdAt, p('since'))))
      .limit(1),
    approvedBefore: database
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.authorEmail, p('email')), eq(comments.status, 'approved')))
      .limit(1),
  };
}

/** The queries of a new comment, prepared once (see preparedOnce). Drizzle encodes the inserted
 * values as usual; a placeholder in a WHERE is bound as given, so times there are in ms. */
const postingQueries = preparedOnce(db, (database) => {
  const p = sql.placeholder;
  const checks = postingChecks(database);
  const queries = {
    duplicateTopLevel: checks.duplicateTopLevel.prepare(),
    duplicateReply: checks.duplicateReply.prepare(),
    recent: checks.recent.prepare(),
    approvedBefore: checks.approvedBefore.prepare(),
    insert: database
      .insert(comments)
      .values({
        articleId: p('articleId'),
        parentId: p('parentId'),
        authorName: p('name'),
        authorEmail: p('email'),
        authorUrl: p('url'),
        body: p('body'),
        ip: p('ip'),
        userAgent: p('userAgent'),
        status: p('status'),
        heldReason: p('heldReason'),
        createdAt: p('createdAt'),
      })
      .returning({ id: comments.id })
      .prepare(),
  };
  // better-sqlite3's own transaction keeps its BEGIN IMMEDIATE and COMMIT statements prepared too.
  const transaction = database.$client.transaction(
    (input: NewComment, decide: (hasApprovedComment: boolean) => Decision): InsertResult => {
      const { fields, now } = input;
      const duplicate =
        input.parentId === null
          ? queries.duplicateTopLevel.get({ articleId: input.articleId, email: fields.email, body: fields.body })
          : queries.duplicateReply.get({ articleId: input.articleId, email: fields.email, body: fields.body, parentId: input.parentId });
      if (duplicate) return { kind: 'duplicate' };

      if (input.floodIntervalSeconds > 0) {
        const since = now.getTime() - input.floodIntervalSeconds * 1000;
        if (queries.recent.get({ ip: fields.ip, email: fields.email, since })) return { kind: 'flood' };
      }

      const decision = decide(queries.approvedBefore.get({ email: fields.email }) !== undefined);
      const row = queries.insert.get({
        articleId: input.articleId,
        parentId: input.parentId,
        name: fields.name,
        email: fields.email,
        url: fields.url,
        body: fields.body,
        ip: fields.ip,
        userAgent: fields.userAgent,
        status: decision.status,
        heldReason: decision.reason,
        createdAt: now,
      });
      return { kind: 'created', id: row!.id, status: decision.status };
    },
  );
  return { transaction };
});

/**
 * Checks for a duplicate and for flooding, decides the status and writes the comment, all in one
 * transaction so that concurrent posts (from any number of app servers) cannot slip past the checks
 * together: on SQLite an IMMEDIATE one over the prepared statements above; on PostgreSQL one that
 * first takes the advisory locks of the address and the email. `decide` gets whether this email
 * already has an approved comment.
 */
export async function insertComment(input: NewComment, decide: (hasApprovedComment: boolean) => Decision): Promise<InsertResult> {
  if (isPostgres(db)) return insertCommentLocked(input, decide);
  return postingQueries().transaction.immediate(input, decide);
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
    return { kind: 'created', id: row!.id, status: decision.status };
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
