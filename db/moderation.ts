import 'server-only';
import { and, asc, count, desc, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from './client';
import { countReportedComments } from './reports';
import { articles, comments, type CommentStatus, moderationLog, sections } from './schema';

export const QUEUE_PAGE_SIZE = 50;
export const statusQueues = ['pending', 'approved', 'spam', 'trash'] as const;
export type StatusQueue = (typeof statusQueues)[number];

const parent = alias(comments, 'parent');

export function queueCountsQuery() {
  return db.select({ status: comments.status, n: count() }).from(comments).groupBy(comments.status);
}

/** Counts for the queue tabs, in one pass over the status index. */
export function countQueues(): Record<StatusQueue | 'reported', number> {
  const rows = queueCountsQuery().all();
  const counts = { pending: 0, approved: 0, spam: 0, trash: 0, reported: countReportedComments() };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type QueueFilter = { queue: StatusQueue; articleId?: number; search?: string; page: number };

/**
 * One page of a queue for moderators: everything about each comment, including the email and IP
 * that no public page may see. Pending is oldest first (first come, first served); the rest newest first.
 */
export function listQueue(filter: QueueFilter) {
  const queries = queueQueries(filter);
  const rows = queries.rows.all();
  const [{ total } = { total: 0 }] = queries.total.all();
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)) };
}

/** The page of a queue and the count for its pager (exported so db/query-plans.test.ts plans them). */
export function queueQueries({ queue, articleId, search, page }: QueueFilter) {
  const conditions: (SQL | undefined)[] = [eq(comments.status, queue)];
  if (articleId) conditions.push(eq(comments.articleId, articleId));
  if (search) {
    const pattern = `%${escapeLike(search)}%`;
    conditions.push(
      or(
        sql`${comments.body} like ${pattern} escape '\\'`,
        sql`${comments.authorName} like ${pattern} escape '\\'`,
        sql`${comments.authorEmail} like ${pattern} escape '\\'`,
        like(comments.ip, `${escapeLike(search)}%`),
      ),
    );
  }
  const where = and(...conditions);
  const order = queue === 'pending' ? [asc(comments.createdAt), asc(comments.id)] : [desc(comments.createdAt), desc(comments.id)];
  const rows = db
    .select({
      id: comments.id,
      status: comments.status,
      body: comments.body,
      authorName: comments.authorName,
      authorEmail: comments.authorEmail,
      authorUrl: comments.authorUrl,
      ip: comments.ip,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
      heldReason: comments.heldReason,
      isStaff: sql<boolean>`${comments.userId} is not null`.mapWith(Boolean),
      articleId: comments.articleId,
      articleSlug: articles.slug,
      articleHeadline: articles.headline,
      sectionSlug: sections.slug,
      parentId: comments.parentId,
      parentAuthor: parent.authorName,
      parentBody: parent.body,
      earlierApproved: sql<number>`(select count(*) from ${comments} as earlier where earlier.author_email = ${comments.authorEmail} and earlier.status = 'approved' and earlier.created_at < ${comments.createdAt})`,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(parent, eq(parent.id, comments.parentId))
    .where(where)
    .orderBy(...order)
    .limit(QUEUE_PAGE_SIZE)
    .offset((page - 1) * QUEUE_PAGE_SIZE);
  return { rows, total: db.select({ total: count() }).from(comments).where(where) };
}

export type QueueRow = ReturnType<typeof listQueue>['rows'][number];

/** Stories that have comments, for the queue's filter (newest first). */
export function listCommentedArticles() {
  return db
    .select({ id: articles.id, headline: articles.headline })
    .from(articles)
    .where(sql`exists (select 1 from ${comments} where ${comments.articleId} = ${articles.id})`)
    .orderBy(desc(articles.publishedAt))
    .limit(300)
    .all();
}

export type StatusChange = { id: number; articleId: number; from: CommentStatus; to: CommentStatus };

/** Sets the status of these comments; returns what changed (for the log, the undo and the cache tags). */
export function setStatuses(ids: number[], to: CommentStatus): StatusChange[] {
  if (ids.length === 0) return [];
  return db.transaction((tx) => {
    const before = tx
      .select({ id: comments.id, articleId: comments.articleId, status: comments.status })
      .from(comments)
      .where(inArray(comments.id, ids))
      .all();
    const changing = before.filter((row) => row.status !== to);
    if (changing.length) {
      tx.update(comments)
        .set({ status: to })
        .where(inArray(comments.id, changing.map((row) => row.id)))
        .run();
    }
    return changing.map((row) => ({ id: row.id, articleId: row.articleId, from: row.status, to }));
  });
}

/** Puts each comment back to the status it had (undo); returns what changed. */
export function restoreStatuses(entries: { id: number; status: CommentStatus }[]): StatusChange[] {
  return db.transaction(() => entries.flatMap((entry) => setStatuses([entry.id], entry.status)));
}

/** The status a comment had before it was last trashed or marked spam (for Restore / Not spam). */
export function statusBefore(id: number, action: 'trash' | 'spam'): CommentStatus | null {
  const [row] = db
    .select({ before: moderationLog.before })
    .from(moderationLog)
    .where(and(eq(moderationLog.targetType, 'comment'), eq(moderationLog.targetId, id), eq(moderationLog.action, `comment.${action}`)))
    .orderBy(desc(moderationLog.id))
    .limit(1)
    .all();
  const status = (row?.before as { status?: CommentStatus } | null)?.status;
  return status && status !== action ? status : null;
}

/** Deletes for good, but only comments in Spam or Trash; returns the deleted rows. */
export function deleteComments(ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .delete(comments)
    .where(and(inArray(comments.id, ids), inArray(comments.status, ['spam', 'trash'])))
    .returning({ id: comments.id, articleId: comments.articleId, status: comments.status, body: comments.body })
    .all();
}

export function idsInStatus(status: 'spam' | 'trash') {
  return db
    .select({ id: comments.id })
    .from(comments)
    .where(eq(comments.status, status))
    .all()
    .map((row) => row.id);
}

/** A comment as the desk's edit and reply pages need it. */
export function findCommentForDesk(id: number) {
  const [row] = db
    .select({
      id: comments.id,
      articleId: comments.articleId,
      status: comments.status,
      body: comments.body,
      authorName: comments.authorName,
      articleHeadline: articles.headline,
      articleSlug: articles.slug,
      sectionSlug: sections.slug,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(eq(comments.id, id))
    .all();
  return row ?? null;
}

export function updateCommentBody(id: number, body: string, now: Date) {
  const [row] = db.update(comments).set({ body, editedAt: now }).where(eq(comments.id, id)).returning({ articleId: comments.articleId }).all();
  return row ?? null;
}

/** A reply written on the desk: approved at once and marked as staff. */
export function insertStaffReply(input: { articleId: number; parentId: number; staff: { id: number; name: string; email: string }; body: string; now: Date }) {
  const [row] = db
    .insert(comments)
    .values({
      articleId: input.articleId,
      parentId: input.parentId,
      authorName: input.staff.name,
      authorEmail: input.staff.email,
      body: input.body,
      status: 'approved',
      userId: input.staff.id,
      createdAt: input.now,
    })
    .returning({ id: comments.id })
    .all();
  return row!.id;
}
