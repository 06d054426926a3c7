import 'server-only';
import { and, count, countDistinct, desc, eq, gt, inArray, isNull, max } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import type { CommentStatus } from '@/lib/comment-status';
import type { ReportReason } from '@/lib/report-reasons';
import { reachesThreshold, REPORT_RATE_WINDOW_MS, reporterAddress, type ReportWeight, weighReport } from '@/lib/reports';
import { db } from './client';
import { logRows } from './log-rows';
import { articles, commentReports, comments, moderationLog, sections } from './schema';
import { readCommentSettingsIn } from './settings';
import { tags } from './tags';
import { all, get, lock, run, transact, type TransactionBody, type Tx } from './transact';
import { queueStaffNoticeInTransaction } from './mail';
import { mailIsOn } from '@/lib/mail/enabled';

export type NewReport = {
  commentId: number;
  reason: ReportReason;
  note: string;
  /** The random id from the reporter's browser cookie. */
  reporter: string;
  /** The client address (lib/client-ip.ts), 'unknown' where it cannot be known. */
  ip: string;
  now: Date;
};

export type ReportResult =
  /** `people`: the distinct addresses with an open report on the comment. */
  | { kind: 'reported'; articleId: number; weight: ReportWeight; people: number; sentBack: boolean }
  | { kind: 'duplicate' }
  | { kind: 'not-found' };

/**
 * Records a reader's report of an approved comment on a published story, and sends the comment back
 * to Pending once reports from enough different addresses are open (lib/reports.ts `weighReport`),
 * logging that in the same write. One transaction (IMMEDIATE on SQLite, under advisory locks on
 * PostgreSQL), so that reports arriving together (on any number of app servers) are counted once each
 * and cannot both miss the threshold.
 */
export async function insertReport(input: NewReport): Promise<ReportResult> {
  const address = reporterAddress(input.ip);
  return transact(db, function* (tx): TransactionBody<ReportResult> {
    // The comment's count of people and the address's hourly cap, each read by one report at a time;
    // always comment before address, so no two reports wait on each other.
    yield* lock(`report:comment:${input.commentId}`);
    yield* lock(`report:address:${address}`);
    const comment = yield* get(
      tx
        .select({ id: comments.id, articleId: comments.articleId })
        .from(comments)
        .innerJoin(articles, and(eq(articles.id, comments.articleId), eq(articles.status, 'published')))
        .where(and(eq(comments.id, input.commentId), eq(comments.status, 'approved'))),
    );
    if (!comment) return { kind: 'not-found' };

    const already = yield* get(
      tx
        .select({ id: commentReports.id })
        .from(commentReports)
        .where(and(eq(commentReports.commentId, comment.id), eq(commentReports.reporter, input.reporter))),
    );
    if (already) return { kind: 'duplicate' };

    const recent = (yield* get(
      tx
        .select({ n: count() })
        .from(commentReports)
        .where(and(eq(commentReports.ip, address), gt(commentReports.createdAt, new Date(input.now.getTime() - REPORT_RATE_WINDOW_MS)))),
    )) ?? { n: 0 };
    const sameAddress = yield* get(
      tx
        .select({ id: commentReports.id })
        .from(commentReports)
        .where(and(eq(commentReports.commentId, comment.id), eq(commentReports.ip, address), isNull(commentReports.dismissedAt)))
        .limit(1),
    );
    const weight = weighReport({ addressAlreadyReported: Boolean(sameAddress), reportsFromAddressLastHour: recent.n });

    if (weight !== 'over-rate') {
      yield* run(
        tx.insert(commentReports).values({ commentId: comment.id, reason: input.reason, note: input.note, reporter: input.reporter, ip: address, createdAt: input.now }),
      );
    }
    const { people } = (yield* get(
      tx
        .select({ people: countDistinct(commentReports.ip) })
        .from(commentReports)
        .where(and(eq(commentReports.commentId, comment.id), isNull(commentReports.dismissedAt))),
    )) ?? { people: 0 };
    const settings = yield* readCommentSettingsIn(tx);
    const sentBack = weight === 'counts' && reachesThreshold(people, settings.reportThreshold);
    if (sentBack) {
      if (settings.emailOnReported && mailIsOn()) yield* queueStaffNoticeInTransaction(tx, 'reported', comment.id, input.now);
      yield* run(tx.update(comments).set({ status: 'pending', previousStatus: 'approved' }).where(eq(comments.id, comment.id)));
      yield* run(
        tx.insert(moderationLog).values(
          logRows(
            [
              {
                actor: null,
                action: 'comment.reported-to-pending',
                targetType: 'comment',
                targetId: comment.id,
                before: { status: 'approved' },
                after: { status: 'pending', reports: people },
              },
            ],
            input.now,
          ),
        ),
      );
    }
    return { kind: 'reported', articleId: comment.articleId, weight, people, sentBack };
  });
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
export async function listReportedComments({ page, perPage }: { page: number; perPage: number }): Promise<ReportedComment[]> {
  const rows = await reportedCommentsQuery({ page, perPage });
  if (rows.length === 0) return [];

  const reports = await db
    .select({ commentId: commentReports.commentId, reason: commentReports.reason, note: commentReports.note, createdAt: commentReports.createdAt })
    .from(commentReports)
    .where(and(isNull(commentReports.dismissedAt), inArray(commentReports.commentId, rows.map((row) => row.id))))
    .orderBy(desc(commentReports.createdAt), desc(commentReports.id));
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
export async function countReportedComments(): Promise<number> {
  const [row] = await db
    .select({ total: countDistinct(commentReports.commentId) })
    .from(commentReports)
    .innerJoin(comments, eq(comments.id, commentReports.commentId))
    .where(and(isNull(commentReports.dismissedAt), inArray(comments.status, reviewable)));
  return row?.total ?? 0;
}

/** Closes the open reports of these comments, as a step of the caller's transaction body; gives the ids of the comments that had any. */
export function* dismissOpenReports(tx: Tx, commentIds: number[], now: Date): TransactionBody<number[]> {
  if (commentIds.length === 0) return [];
  const dismissed = yield* all(
    tx
      .update(commentReports)
      .set({ dismissedAt: now })
      .where(and(isNull(commentReports.dismissedAt), inArray(commentReports.commentId, commentIds)))
      .returning({ commentId: commentReports.commentId }),
  );
  return [...new Set(dismissed.map((row) => row.commentId))];
}

/** An approved comment as the no-JavaScript report page shows it; cached with the story's comments. */
export async function getReportableComment(id: number) {
  'use cache';
  cacheLife('content');
  const [row] = await db
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
    .where(and(eq(comments.id, id), eq(comments.status, 'approved')));
  if (row) cacheTag(tags.comments(row.articleId));
  else cacheTag(tags.latest);
  return row ?? null;
}
