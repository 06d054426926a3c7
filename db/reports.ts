import 'server-only';
import { and, count, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { reachesThreshold } from '@/lib/reports';
import { db } from './client';
import { articles, commentReports, comments, type CommentStatus, type ReportReason, sections } from './schema';
import { readCommentSettings } from './settings';
import { tags } from './tags';

export type NewReport = {
  commentId: number;
  reason: ReportReason;
  note: string;
  /** The random id from the reporter's browser cookie. */
  reporter: string;
  ip: string;
  now: Date;
};

export type ReportResult =
  | { kind: 'reported'; articleId: number; openReports: number; sentBack: boolean }
  | { kind: 'duplicate' }
  | { kind: 'not-found' };

/**
 * Records a reader's report of an approved comment on a published story, and sends the comment back
 * to Pending once its open reports reach the threshold. One IMMEDIATE transaction, so that reports
 * arriving together (on any number of app servers) are counted once each and cannot both miss it.
 */
export function insertReport(input: NewReport): ReportResult {
  return db.transaction(
    (tx): ReportResult => {
      const [comment] = tx
        .select({ id: comments.id, articleId: comments.articleId })
        .from(comments)
        .innerJoin(articles, and(eq(articles.id, comments.articleId), eq(articles.status, 'published')))
        .where(and(eq(comments.id, input.commentId), eq(comments.status, 'approved')))
        .all();
      if (!comment) return { kind: 'not-found' };

      const inserted = tx
        .insert(commentReports)
        .values({
          commentId: comment.id,
          reason: input.reason,
          note: input.note,
          reporter: input.reporter,
          ip: input.ip,
          createdAt: input.now,
        })
        .onConflictDoNothing({ target: [commentReports.commentId, commentReports.reporter] })
        .returning({ id: commentReports.id })
        .all();
      if (inserted.length === 0) return { kind: 'duplicate' };

      const [{ open } = { open: 0 }] = tx
        .select({ open: count() })
        .from(commentReports)
        .where(and(eq(commentReports.commentId, comment.id), isNull(commentReports.dismissedAt)))
        .all();
      const sentBack = reachesThreshold(open, readCommentSettings().reportThreshold);
      if (sentBack) tx.update(comments).set({ status: 'pending' }).where(eq(comments.id, comment.id)).run();
      return { kind: 'reported', articleId: comment.articleId, openReports: open, sentBack };
    },
    { behavior: 'immediate' },
  );
}

/**
 * Comments a decision has not yet put away: spam and trash leave the reported queue even while
 * their reports stay open.
 */
const reviewable: CommentStatus[] = ['approved', 'pending'];

const openReports = () =>
  db
    .select({
      commentId: commentReports.commentId,
      reports: count().as('reports'),
      lastReportedAt: max(commentReports.createdAt).as('last_reported_at'),
    })
    .from(commentReports)
    .where(isNull(commentReports.dismissedAt))
    .groupBy(commentReports.commentId)
    .as('open_reports');

export type ReportedComment = {
  id: number;
  body: string;
  authorName: string;
  authorEmail: string;
  ip: string;
  status: CommentStatus;
  createdAt: Date;
  article: { slug: string; sectionSlug: string; headline: string };
  openReports: number;
  reports: { reason: ReportReason; note: string; createdAt: Date }[];
};

/** The desk's reported queue: comments with open reports, most reported (then latest reported) first. */
export function listReportedComments({ page, perPage }: { page: number; perPage: number }): ReportedComment[] {
  const rows = reportedCommentsQuery({ page, perPage }).all();
  if (rows.length === 0) return [];

  const reports = db
    .select({ commentId: commentReports.commentId, reason: commentReports.reason, note: commentReports.note, createdAt: commentReports.createdAt })
    .from(commentReports)
    .where(and(isNull(commentReports.dismissedAt), inArray(commentReports.commentId, rows.map((row) => row.id))))
    .orderBy(desc(commentReports.createdAt), desc(commentReports.id))
    .all();
  const byComment = new Map<number, ReportedComment['reports']>();
  for (const { commentId, ...report } of reports) byComment.set(commentId, [...(byComment.get(commentId) ?? []), report]);

  return rows.map(({ slug, sectionSlug, headline, ...row }) => ({
    ...row,
    article: { slug, sectionSlug, headline },
    reports: byComment.get(row.id) ?? [],
  }));
}

export function reportedCommentsQuery({ page, perPage }: { page: number; perPage: number }) {
  const open = openReports();
  return db
    .select({
      id: comments.id,
      body: comments.body,
      authorName: comments.authorName,
      authorEmail: comments.authorEmail,
      ip: comments.ip,
      status: comments.status,
      createdAt: comments.createdAt,
      slug: articles.slug,
      sectionSlug: sections.slug,
      headline: articles.headline,
      openReports: open.reports,
    })
    // A cross join keeps the open reports as SQLite's outer loop: joined plainly, with no table
    // statistics, it walked every approved and pending comment to find the few reported ones.
    .from(open)
    .crossJoin(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(comments.id, open.commentId), inArray(comments.status, reviewable)))
    .orderBy(desc(open.reports), desc(open.lastReportedAt), desc(comments.id))
    .limit(perPage)
    .offset(Math.max(0, page - 1) * perPage);
}

/** How many comments the reported queue holds, for its tab and its page links. */
export function countReportedComments(): number {
  const [row] = db
    .select({ total: sql<number>`count(distinct ${commentReports.commentId})` })
    .from(commentReports)
    .innerJoin(comments, eq(comments.id, commentReports.commentId))
    .where(and(isNull(commentReports.dismissedAt), inArray(comments.status, reviewable)))
    .all();
  return row?.total ?? 0;
}

/** Closes the open reports of these comments; returns the ids of the comments that had any. */
export function dismissReports(commentIds: number[], now: Date): number[] {
  if (commentIds.length === 0) return [];
  const dismissed = db
    .update(commentReports)
    .set({ dismissedAt: now })
    .where(and(isNull(commentReports.dismissedAt), inArray(commentReports.commentId, commentIds)))
    .returning({ commentId: commentReports.commentId })
    .all();
  return [...new Set(dismissed.map((row) => row.commentId))];
}

/** An approved comment as the no-JavaScript report page shows it; cached with the story's comments. */
export async function getReportableComment(id: number) {
  'use cache';
  cacheLife('content');
  const [row] = db
    .select({
      id: comments.id,
      articleId: comments.articleId,
      authorName: comments.authorName,
      body: comments.body,
      slug: articles.slug,
      sectionSlug: sections.slug,
      headline: articles.headline,
    })
    .from(comments)
    .innerJoin(articles, and(eq(articles.id, comments.articleId), eq(articles.status, 'published')))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(comments.id, id), eq(comments.status, 'approved')))
    .all();
  if (row) cacheTag(tags.comments(row.articleId));
  else cacheTag(tags.latest);
  return row ?? null;
}
