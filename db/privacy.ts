/**
 * A commenter's data, for access and erasure requests (`npm run privacy:export`,
 * `npm run privacy:erase` and the desk's Privacy page). No 'server-only': the scripts use it with a
 * connection of their own.
 *
 * Commenters have no account: what identifies one is the email they typed. Reports are filed by an
 * anonymous browser id, never an email, so they cannot be found this way and are not included.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db, type Db } from './client';
import { type LogActor, logRows } from './log-rows';
import { articles, comments, loginFailures, mailAddresses, mailOutbox, mailSubscriptions, moderationLog, sections } from './schema';
import { tags } from './tags';
import { all, run, transact } from './transact';

/** What an erased comment is signed with, as WordPress's personal-data eraser does. */
export const ANONYMOUS_NAME = 'Anonymous';

/** Emails are stored lower-cased by the comment form, but older rows or staff replies may not be. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function requireEmail(email: string): string {
  const address = normalizeEmail(email);
  // An empty address would match every comment erased before.
  if (!address.includes('@')) throw new Error('An email address is required.');
  return address;
}

const commentsOf = (address: string) => sql`lower(${comments.authorEmail}) = ${address}`;
const failuresOf = (address: string) => sql`lower(${loginFailures.email}) = ${address}`;

/**
 * Everything stored about the commenter with this email: every column of each of their comments
 * (IP address and browser included), the moderation log entries about those comments, failed
 * sign-ins with that email, and what mail knows of it (the address's state, its subscriptions, the
 * emails sent or queued to it; the address's link token is left out, being a key rather than data).
 */
export async function exportCommenterData(database: Db, email: string, now = new Date()) {
  const address = requireEmail(email);
  const theirComments = await database.select().from(comments).where(commentsOf(address)).orderBy(asc(comments.createdAt), asc(comments.id));
  const ids = theirComments.map((comment) => comment.id);
  const moderation = ids.length
    ? await database
        .select()
        .from(moderationLog)
        .where(and(eq(moderationLog.targetType, 'comment'), inArray(moderationLog.targetId, ids)))
        .orderBy(asc(moderationLog.createdAt), asc(moderationLog.id))
    : [];
  const failures = await database.select().from(loginFailures).where(failuresOf(address)).orderBy(asc(loginFailures.createdAt));
  const [mailAddress] = await database
    .select({ id: mailAddresses.id, email: mailAddresses.email, confirmedAt: mailAddresses.confirmedAt, blockedAt: mailAddresses.blockedAt, createdAt: mailAddresses.createdAt })
    .from(mailAddresses)
    .where(eq(mailAddresses.email, address));
  const subscriptions = mailAddress
    ? await database
        .select({ articleId: mailSubscriptions.articleId, commentId: mailSubscriptions.commentId, createdAt: mailSubscriptions.createdAt })
        .from(mailSubscriptions)
        .where(eq(mailSubscriptions.addressId, mailAddress.id))
        .orderBy(asc(mailSubscriptions.id))
    : [];
  const letters = await database
    .select({ kind: mailOutbox.kind, status: mailOutbox.status, commentId: mailOutbox.commentId, createdAt: mailOutbox.createdAt, sentAt: mailOutbox.sentAt })
    .from(mailOutbox)
    .where(eq(mailOutbox.recipient, address))
    .orderBy(asc(mailOutbox.id));
  const mail = { address: mailAddress ?? null, subscriptions, letters };
  return { email: address, exportedAt: now.toISOString(), comments: theirComments, moderationLog: moderation, loginFailures: failures, mail };
}

export type CommenterExport = Awaited<ReturnType<typeof exportCommenterData>>;

/**
 * Anonymises the commenter's comments the way WordPress does: the name becomes "Anonymous" and the
 * email, website, IP address and browser are blanked; the text, its status and its place in the
 * thread stay. Their failed sign-ins are deleted, and so is everything mail knows of the address
 * (its subscriptions, and the emails to it, sent or queued); the log records that an erasure
 * happened (how much, never whose). One transaction: all of it or none.
 *
 * The email is blanked rather than replaced by a placeholder address, so that no new commenter can
 * type that address and inherit the erased comments' "previously approved" standing.
 *
 * Returns the cache tags whose pages showed the old name (`tags`): the caller expires them (the desk
 * with updateTag, the command through the database, db/cache-tags.ts).
 */
export async function eraseCommenterData(database: Db, email: string, actor: LogActor = null, now = new Date()) {
  const address = requireEmail(email);
  return transact(database, function* (tx) {
    const erased = yield* all(
      tx
        .update(comments)
        .set({ authorName: ANONYMOUS_NAME, authorEmail: '', authorUrl: '', ip: '', userAgent: '' })
        .where(commentsOf(address))
        .returning({ id: comments.id, articleId: comments.articleId }),
    );
    const failures = yield* all(tx.delete(loginFailures).where(failuresOf(address)).returning({ id: loginFailures.id }));
    yield* run(tx.delete(mailOutbox).where(eq(mailOutbox.recipient, address)));
    // Its subscriptions and any letter still tied to it go with it (ON DELETE CASCADE).
    const mail = yield* all(tx.delete(mailAddresses).where(eq(mailAddresses.email, address)).returning({ id: mailAddresses.id }));
    const articleIds = [...new Set(erased.map((row) => row.articleId))].sort((a, b) => a - b);
    if (erased.length || failures.length || mail.length) {
      const after = { comments: erased.length, stories: articleIds.length, loginFailures: failures.length, mailAddresses: mail.length };
      yield* run(tx.insert(moderationLog).values(logRows([{ actor, action: 'commenter.erase', targetType: 'commenter', after }], now)));
    }
    return {
      comments: erased.length,
      articleIds,
      // Every cached read that shows a comment's author carries its story's comments tag.
      tags: articleIds.map((id) => tags.comments(id)),
      loginFailures: failures.length,
      mailAddresses: mail.length,
    };
  });
}

export type Erasure = Awaited<ReturnType<typeof eraseCommenterData>>;

/** The same, on the app's connection: for the desk's Privacy page. */
export async function anonymiseCommenter(email: string, actor: LogActor): Promise<Erasure> {
  return eraseCommenterData(db, email, actor);
}

/** The addresses of these stories, to say which cached pages still show the old names. */
export async function storyPaths(database: Db, articleIds: number[]): Promise<string[]> {
  if (articleIds.length === 0) return [];
  const rows = await database
    .select({ section: sections.slug, slug: articles.slug })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(inArray(articles.id, articleIds))
    .orderBy(asc(articles.id));
  return rows.map((row) => `/${row.section}/${row.slug}`);
}
