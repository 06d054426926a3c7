import 'server-only';
import { and, asc, count, desc, eq, exists, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { CommentStatus } from '@/lib/comment-status';
import { type ModerationOp, opStatus } from '@/lib/moderation-ops';
import { db } from './client';
import { escapeLike, likeIgnoringCase } from './like';
import { type LogActor, type LogEntry, logRows } from './log-rows';
import { queueApprovedInTransaction } from './mail';
import { mailIsOn } from '@/lib/mail/enabled';
import { countReportedComments, dismissOpenReports } from './reports';
import { articles, comments, moderationLog, sections } from './schema';
import { all, run, transact, type TransactionBody, type Tx } from './transact';

export const QUEUE_PAGE_SIZE = 50;
export const statusQueues = ['pending', 'approved', 'spam', 'trash'] as const;
export type StatusQueue = (typeof statusQueues)[number];

const parent = alias(comments, 'parent');
const earlier = alias(comments, 'earlier');

export function queueCountsQuery() {
  return db.select({ status: comments.status, n: count() }).from(comments).groupBy(comments.status);
}

/** Counts for the queue tabs, in one pass over the status index. */
export async function countQueues(): Promise<Record<StatusQueue | 'reported', number>> {
  const rows = await queueCountsQuery();
  const counts = { pending: 0, approved: 0, spam: 0, trash: 0, reported: await countReportedComments() };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** `commentId`: that one comment, where a moderator's email links to (app/moderation/comments/[id]/route.ts). */
export type QueueFilter = { queue: StatusQueue; articleId?: number; search?: string; commentId?: number; page: number };

/**
 * One page of a queue for moderators: everything about each comment, including the email and IP
 * that no public page may see. Pending is oldest first (first come, first served); the rest newest first.
 */
export async function listQueue(filter: QueueFilter) {
  const queries = queueQueries(filter);
  const rows = await queries.rows;
  const [{ total } = { total: 0 }] = await queries.total;
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)) };
}

/** The page of a queue and the count for its pager (exported so db/query-plans.test.ts plans them). */
export function queueQueries({ queue, articleId, search, commentId, page }: QueueFilter) {
  const conditions: (SQL | undefined)[] = [eq(comments.status, queue)];
  if (articleId) conditions.push(eq(comments.articleId, articleId));
  if (commentId) conditions.push(eq(comments.id, commentId));
  if (search) {
    const pattern = `%${escapeLike(search)}%`;
    conditions.push(
      or(
        likeIgnoringCase(comments.body, pattern),
        likeIgnoringCase(comments.authorName, pattern),
        likeIgnoringCase(comments.authorEmail, pattern),
        likeIgnoringCase(comments.ip, `${escapeLike(search)}%`),
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
      isStaff: sql<boolean>`(${comments.userId} is not null or ${comments.bylineId} is not null)`.mapWith(Boolean),
      featured: sql<boolean>`(${comments.featuredAt} is not null)`.mapWith(Boolean),
      articleId: comments.articleId,
      articleSlug: articles.slug,
      articleHeadline: articles.headline,
      sectionSlug: sections.slug,
      parentId: comments.parentId,
      parentAuthor: parent.authorName,
      parentBody: parent.body,
      earlierApproved: sql<number>`(${db
        .select({ n: count() })
        .from(earlier)
        .where(and(eq(earlier.authorEmail, comments.authorEmail), eq(earlier.status, 'approved'), lt(earlier.createdAt, comments.createdAt)))})`.mapWith(Number),
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

export type QueueRow = Awaited<ReturnType<typeof listQueue>>['rows'][number];

/** Stories that have comments, for the queue's filter (newest first). */
export async function listCommentedArticles() {
  return db
    .select({ id: articles.id, headline: articles.headline })
    .from(articles)
    .where(exists(db.select({ id: comments.id }).from(comments).where(eq(comments.articleId, articles.id))))
    .orderBy(desc(articles.publishedAt))
    .limit(300);
}

export type StatusChange = { id: number; articleId: number; from: CommentStatus; to: CommentStatus };
/**
 * What a decision did: how many comments it touched, the status changes (for undo and cache tags),
 * and the stories whose public thread changed without a status change (an editors' pick).
 */
export type Decided = { count: number; changes: StatusChange[]; restyled?: number[] };

type Target = { id: number; articleId: number; status: CommentStatus; to: CommentStatus | null };

/**
 * Sets each comment to its target status, keeping the status it leaves in `previous_status` (where
 * Restore and Not spam find it later); gives what changed. One UPDATE per target status.
 */
export function* setStatuses(tx: Tx, targets: Target[]): TransactionBody<StatusChange[]> {
  const changes = targets.flatMap((t) => (t.to && t.to !== t.status ? [{ id: t.id, articleId: t.articleId, from: t.status, to: t.to }] : []));
  for (const to of new Set(changes.map((change) => change.to))) {
    yield* run(
      tx
        .update(comments)
        .set({ status: to, previousStatus: sql`${comments.status}` })
        .where(inArray(comments.id, changes.filter((change) => change.to === to).map((change) => change.id))),
    );
  }
  // Approved: its notices are queued with the decision (sent later by the worker, once per comment).
  const approved = changes.filter((change) => change.to === 'approved').map((change) => change.id);
  if (approved.length > 0 && mailIsOn()) yield* queueApprovedInTransaction(tx, approved, new Date());
  return changes;
}

/** Where Restore (from Trash) and Not spam put a comment: the status it had before, else Pending. */
function restoredStatus(row: { status: CommentStatus; previousStatus: CommentStatus | null }, from: 'trash' | 'spam'): CommentStatus | null {
  if (row.status !== from) return null;
  return row.previousStatus && row.previousStatus !== from ? row.previousStatus : 'pending';
}

// In id order: the order the changes (and their log rows) come in, on either engine.
const currentStatuses = (tx: Tx, ids: number[]) =>
  all(
    tx
      .select({ id: comments.id, articleId: comments.articleId, status: comments.status, previousStatus: comments.previousStatus })
      .from(comments)
      .where(inArray(comments.id, ids))
      .orderBy(asc(comments.id)),
  );

/**
 * A moderator's decision on one comment or many (a row's button, the bulk bar, Empty Spam/Trash):
 * the status changes, the reports they answer and their log rows are one transaction, so a failure
 * anywhere leaves nothing of it behind.
 */
export async function decideComments(actor: LogActor, op: ModerationOp, ids: number[], now: Date): Promise<Decided> {
  if (ids.length === 0) return { count: 0, changes: [] };
  return transact(db, function* (tx): TransactionBody<Decided> {
    if (op === 'delete') {
      // For good, but only from Spam or Trash.
      const deleted = yield* all(
        tx
          .delete(comments)
          .where(and(inArray(comments.id, ids), inArray(comments.status, ['spam', 'trash'])))
          .returning({ id: comments.id, articleId: comments.articleId, status: comments.status, body: comments.body }),
      );
      deleted.sort((a, b) => a.id - b.id);
      yield* log(tx, deleted.map((row) => ({ actor, action: 'comment.delete', targetType: 'comment', targetId: row.id, before: row, after: null })), now);
      return { count: deleted.length, changes: [] };
    }
    if (op === 'feature' || op === 'unfeature') {
      // Only an approved comment can be a pick; one already as asked is left alone (and not logged).
      const featuring = op === 'feature';
      const changed = yield* all(
        tx
          .update(comments)
          .set({ featuredAt: featuring ? now : null })
          .where(and(inArray(comments.id, ids), eq(comments.status, 'approved'), featuring ? isNull(comments.featuredAt) : isNotNull(comments.featuredAt)))
          .returning({ id: comments.id, articleId: comments.articleId }),
      );
      changed.sort((a, b) => a.id - b.id);
      yield* log(tx, changed.map((row) => ({ actor, action: `comment.${op}`, targetType: 'comment', targetId: row.id, before: { featured: !featuring }, after: { featured: featuring } })), now);
      return { count: changed.length, changes: [], restyled: [...new Set(changed.map((row) => row.articleId))] };
    }
    if (op === 'dismiss') {
      const dismissed = yield* dismissOpenReports(tx, ids, now);
      yield* log(tx, dismissed.map((id) => ({ actor, action: 'report.dismiss', targetType: 'comment', targetId: id })), now);
      return { count: dismissed.length, changes: [] };
    }
    const targets = (yield* currentStatuses(tx, ids)).map((row) => ({
      ...row,
      to: op === 'notspam' ? restoredStatus(row, 'spam') : op === 'restore' ? restoredStatus(row, 'trash') : (opStatus[op] ?? null),
    }));
    const changes = yield* setStatuses(tx, targets);
    // A moderator who approves a reported comment has answered its reports.
    if (op === 'approve') yield* dismissOpenReports(tx, ids, now);
    yield* log(tx, changes.map((change) => statusLog(actor, `comment.${op}`, change)), now);
    return { count: changes.length, changes };
  });
}

/** Puts comments back to the statuses a decision found them in (Undo), with its log rows: one transaction. */
export async function undoDecision(actor: LogActor, entries: { id: number; status: CommentStatus }[], now: Date): Promise<StatusChange[]> {
  if (entries.length === 0) return [];
  const wanted = new Map(entries.map((entry) => [entry.id, entry.status]));
  return transact(db, function* (tx) {
    const found = yield* currentStatuses(tx, [...wanted.keys()]);
    const changes = yield* setStatuses(tx, found.map((row) => ({ ...row, to: wanted.get(row.id) ?? null })));
    yield* log(tx, changes.map((change) => statusLog(actor, 'comment.undo', change)), now);
    return changes;
  });
}

export const statusLog = (actor: LogActor, action: string, change: StatusChange): LogEntry => ({
  actor,
  action,
  targetType: 'comment',
  targetId: change.id,
  before: { status: change.from },
  after: { status: change.to },
});

export function* log(tx: Tx, entries: LogEntry[], now: Date): TransactionBody<void> {
  if (entries.length) yield* run(tx.insert(moderationLog).values(logRows(entries, now)));
}

export async function idsInStatus(status: 'spam' | 'trash') {
  const rows = await db.select({ id: comments.id }).from(comments).where(eq(comments.status, status));
  return rows.map((row) => row.id);
}

/** A comment as the desk's edit and reply pages need it. */
export async function findCommentForDesk(id: number) {
  const [row] = await db
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
    .where(eq(comments.id, id));
  return row ?? null;
}

export async function updateCommentBody(id: number, body: string, now: Date) {
  const [row] = await db.update(comments).set({ body, editedAt: now }).where(eq(comments.id, id)).returning({ articleId: comments.articleId });
  return row ?? null;
}

/** A reply written on the desk: approved at once and marked as staff. */
export async function insertStaffReply(input: { articleId: number; parentId: number; staff: { id: number; name: string; email: string }; body: string; now: Date }) {
  const [row] = await db
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
    .returning({ id: comments.id });
  return row!.id;
}
