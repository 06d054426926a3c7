/**
 * Reader and moderator email (issue 19): addresses, subscriptions and the outbox.
 *
 * What a comment sets off is written in the comment's own transaction (the `…InTransaction`
 * generators, for db/transact.ts bodies), and only as small rows: an `approved` fan-out for an
 * approved comment, a `held-fanout`/`reported-fanout` for the desk. The worker (server/mail-worker.ts)
 * turns each fan-out into letters in a transaction of its own (`expandFanOuts`), so approving a
 * comment on a story with thousands of subscribers costs the moderator one insert; then it claims
 * letters (`claimLetters`, a lease), reads what each says at send time (`letterContent`: a comment no
 * longer approved, or an address blocked since, is skipped) and records the outcome. Every step is
 * safe with several servers at once on one database and across a crash at any point: each is one
 * conditional statement or one transaction, and every row carries a unique dedupe key.
 *
 * Not 'server-only': the worker opens its own connection and passes it (`database`); the desk's and
 * the manage page's reads use the app's `db`.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { LetterContent } from '../lib/mail/letters';
import { mailIsOn } from '../lib/mail/enabled';
import { canModerateComments, userRoles } from '../lib/user-roles';
import { db, type Db, isPostgres } from './client';
import { articles, comments, mailAddresses, mailFanOutKinds, mailLetterKinds, mailOutbox, mailSubscriptions, sections, users } from './schema';
import { all, get, run, transact, type TransactionBody, type Tx } from './transact';

/** Mail is on when SMTP_URL is set (server/mail.ts checks the rest); off, nothing is queued. */
export const mailEnabled = () => mailIsOn();

export type LetterKind = (typeof mailLetterKinds)[number];
export type Letter = { id: number; kind: LetterKind; addressId: number | null; recipient: string | null; commentId: number | null; articleId: number | null; attempts: number };

const DAY = 24 * 60 * 60 * 1000;
/** Rows per INSERT: well under PostgreSQL's 65,535 parameters, and SQLite's 32,766. */
const CHUNK = 400;
/** The wait after each failed attempt; the attempt after the last of these is the final one. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000, 12 * 60 * 60_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

const newToken = () => randomBytes(32).toString('base64url');
const normalEmail = (email: string) => email.trim().toLowerCase();

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

// ---- In the comment's transaction ------------------------------------------------------------

export type Subscription = { email: string; articleId: number; commentId: number | null; replies: boolean; story: boolean; confirm: boolean };
export type SubscribeResult = { addressId: number; status: 'confirmed' | 'unconfirmed' | 'blocked'; confirmationQueued: boolean };

/**
 * Records what a commenter asked for (replies to their comment, every comment on the story) and,
 * for an address not yet confirmed, queues the confirmation letter (at most one a day; none when
 * `confirm` is false, as for a comment taken for spam). A blocked address gets nothing at all.
 * Null when mail is off.
 */
export function* subscribeInTransaction(tx: Tx, s: Subscription, now: Date): TransactionBody<SubscribeResult | null> {
  if (!mailEnabled()) return null;
  const email = normalEmail(s.email);
  yield* run(tx.insert(mailAddresses).values({ email, token: newToken(), createdAt: now }).onConflictDoNothing());
  const address = yield* get(
    tx
      .select({ id: mailAddresses.id, confirmedAt: mailAddresses.confirmedAt, confirmationSentAt: mailAddresses.confirmationSentAt, blockedAt: mailAddresses.blockedAt })
      .from(mailAddresses)
      .where(eq(mailAddresses.email, email)),
  );
  if (!address) throw new Error('The mail address was not stored');
  if (address.blockedAt) return { addressId: address.id, status: 'blocked', confirmationQueued: false };
  const wanted = [
    ...(s.replies && s.commentId !== null ? [{ addressId: address.id, articleId: s.articleId, commentId: s.commentId, createdAt: now }] : []),
    ...(s.story ? [{ addressId: address.id, articleId: s.articleId, commentId: null, createdAt: now }] : []),
  ];
  if (wanted.length > 0) yield* run(tx.insert(mailSubscriptions).values(wanted).onConflictDoNothing());
  if (address.confirmedAt) return { addressId: address.id, status: 'confirmed', confirmationQueued: false };
  const lastSent = address.confirmationSentAt?.getTime() ?? -Infinity;
  if (!s.confirm || wanted.length === 0 || now.getTime() - lastSent < DAY) return { addressId: address.id, status: 'unconfirmed', confirmationQueued: false };
  const [queued] = yield* all(
    tx
      .insert(mailOutbox)
      .values({ kind: 'confirm', dedupeKey: `confirm:${address.id}:${now.toISOString().slice(0, 10)}`, addressId: address.id, recipient: email, articleId: s.articleId, nextAttemptAt: now, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: mailOutbox.id }),
  );
  if (queued) yield* run(tx.update(mailAddresses).set({ confirmationSentAt: now }).where(eq(mailAddresses.id, address.id)));
  return { addressId: address.id, status: 'unconfirmed', confirmationQueued: Boolean(queued) };
}

/** One fan-out per newly approved comment; a comment approved again later is not announced again. */
export function* queueApprovedInTransaction(tx: Tx, commentIds: number[], now: Date): TransactionBody<void> {
  if (!mailEnabled() || commentIds.length === 0) return;
  const rows = commentIds.map((commentId) => ({ kind: 'approved' as const, dedupeKey: `approved:${commentId}`, commentId, nextAttemptAt: now, createdAt: now }));
  for (const chunk of chunks(rows)) yield* run(tx.insert(mailOutbox).values(chunk).onConflictDoNothing());
}

/** The desk's notice of a held or reported comment, once per comment; the caller checks the setting. */
export function* queueStaffNoticeInTransaction(tx: Tx, kind: 'held' | 'reported', commentId: number, now: Date): TransactionBody<void> {
  if (!mailEnabled()) return;
  yield* run(
    tx
      .insert(mailOutbox)
      .values({ kind: `${kind}-fanout`, dedupeKey: `${kind}:${commentId}`, commentId, nextAttemptAt: now, createdAt: now })
      .onConflictDoNothing(),
  );
}

// ---- The worker ------------------------------------------------------------------------------

type NewLetter = typeof mailOutbox.$inferInsert;

/** Letters for an approved comment: replies to its parent's subscribers, then its story's; null when it is no longer approved. */
function* commentLetters(tx: Tx, commentId: number, now: Date): TransactionBody<NewLetter[] | null> {
  const comment = yield* get(
    tx.select({ status: comments.status, parentId: comments.parentId, articleId: comments.articleId, authorEmail: comments.authorEmail }).from(comments).where(eq(comments.id, commentId)),
  );
  if (!comment || comment.status !== 'approved') return null;
  const reachable = and(isNotNull(mailAddresses.confirmedAt), isNull(mailAddresses.blockedAt));
  const subscribers = (where: ReturnType<typeof and>) =>
    tx.select({ id: mailAddresses.id, email: mailAddresses.email }).from(mailSubscriptions).innerJoin(mailAddresses, eq(mailAddresses.id, mailSubscriptions.addressId)).where(and(where, reachable));
  const replies = comment.parentId === null ? [] : yield* all(subscribers(eq(mailSubscriptions.commentId, comment.parentId)));
  const story = yield* all(subscribers(and(eq(mailSubscriptions.articleId, comment.articleId), isNull(mailSubscriptions.commentId))));
  const author = normalEmail(comment.authorEmail);
  const letters = new Map<number, NewLetter>();
  for (const [kind, rows] of [['reply', replies], ['story', story]] as const) {
    for (const { id, email } of rows) {
      if (email === author || letters.has(id)) continue;
      letters.set(id, { kind, dedupeKey: `comment:${commentId}:${id}`, addressId: id, recipient: email, commentId, articleId: comment.articleId, nextAttemptAt: now, createdAt: now });
    }
  }
  return [...letters.values()];
}

const moderatingRoles = userRoles.filter(canModerateComments);

/** Letters to every active member of staff who moderates comments; each gets a (confirmed) address for its links. */
function* staffLetters(tx: Tx, kind: 'held' | 'reported', commentId: number, now: Date): TransactionBody<NewLetter[] | null> {
  const comment = yield* get(tx.select({ articleId: comments.articleId }).from(comments).where(eq(comments.id, commentId)));
  if (!comment) return null;
  const staff = yield* all(tx.select({ email: users.email }).from(users).where(and(eq(users.disabled, false), inArray(users.role, moderatingRoles))));
  const emails = [...new Set(staff.map((user) => normalEmail(user.email)))];
  if (emails.length === 0) return [];
  yield* run(tx.insert(mailAddresses).values(emails.map((email) => ({ email, token: newToken(), confirmedAt: now, createdAt: now }))).onConflictDoNothing());
  yield* run(tx.update(mailAddresses).set({ confirmedAt: now }).where(and(inArray(mailAddresses.email, emails), isNull(mailAddresses.confirmedAt))));
  const addresses = yield* all(tx.select({ id: mailAddresses.id, email: mailAddresses.email }).from(mailAddresses).where(and(inArray(mailAddresses.email, emails), isNull(mailAddresses.blockedAt))));
  return addresses.map(({ id, email }) => ({ kind, dedupeKey: `${kind}:${commentId}:${email}`, addressId: id, recipient: email, commentId, articleId: comment.articleId, nextAttemptAt: now, createdAt: now }));
}

/**
 * Turns up to `limit` due fan-outs into letters, each fan-out in one transaction that takes it
 * (queued → sent, so a second server finds nothing to do) and inserts its letters, a duplicate of a
 * letter already queued being a no-op. Returns how many letters were queued.
 */
export async function expandFanOuts(database: Db, now: Date, limit = 20): Promise<number> {
  const due = await database
    .select({ id: mailOutbox.id, kind: mailOutbox.kind, commentId: mailOutbox.commentId })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'queued'), lte(mailOutbox.nextAttemptAt, now), inArray(mailOutbox.kind, [...mailFanOutKinds])))
    .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.id))
    .limit(limit);
  let queued = 0;
  for (const fanOut of due) {
    queued += await transact(database, function* (tx): TransactionBody<number> {
      const [taken] = yield* all(
        tx
          .update(mailOutbox)
          .set({ status: 'sent', sentAt: now, attempts: sql`${mailOutbox.attempts} + 1` })
          .where(and(eq(mailOutbox.id, fanOut.id), eq(mailOutbox.status, 'queued')))
          .returning({ id: mailOutbox.id }),
      );
      if (!taken || fanOut.commentId === null) return 0;
      const letters =
        fanOut.kind === 'approved' ? yield* commentLetters(tx, fanOut.commentId, now) : yield* staffLetters(tx, fanOut.kind === 'held-fanout' ? 'held' : 'reported', fanOut.commentId, now);
      if (letters === null) {
        yield* run(tx.update(mailOutbox).set({ status: 'skipped' }).where(eq(mailOutbox.id, fanOut.id)));
        return 0;
      }
      for (const chunk of chunks(letters)) yield* run(tx.insert(mailOutbox).values(chunk).onConflictDoNothing());
      return letters.length;
    });
  }
  return queued;
}

const letterColumns = {
  id: mailOutbox.id,
  kind: mailOutbox.kind,
  addressId: mailOutbox.addressId,
  recipient: mailOutbox.recipient,
  commentId: mailOutbox.commentId,
  articleId: mailOutbox.articleId,
  attempts: mailOutbox.attempts,
};

/**
 * Takes up to `limit` letters for this worker: queued and due, or left `sending` by a worker whose
 * lease ran out (it died mid-send). One conditional UPDATE … RETURNING: on PostgreSQL the candidates
 * are locked with SKIP LOCKED, so two servers never take the same letter; on SQLite one statement
 * runs at a time.
 */
export async function claimLetters(database: Db, now: Date, limit = 10, leaseMs = 60_000): Promise<Letter[]> {
  const claimable = and(
    inArray(mailOutbox.kind, [...mailLetterKinds]),
    or(and(eq(mailOutbox.status, 'queued'), lte(mailOutbox.nextAttemptAt, now)), and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.lockedUntil, now))),
  );
  const candidates = database.select({ id: mailOutbox.id }).from(mailOutbox).where(claimable).orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.id)).limit(limit);
  type Lockable = { for(strength: 'update', config: { skipLocked: true }): typeof candidates };
  const locked = isPostgres(database) ? (candidates as unknown as Lockable).for('update', { skipLocked: true }) : candidates;
  const rows = await database
    .update(mailOutbox)
    .set({ status: 'sending', lockedUntil: new Date(now.getTime() + leaseMs), attempts: sql`${mailOutbox.attempts} + 1` })
    .where(and(inArray(mailOutbox.id, locked), claimable))
    .returning(letterColumns);
  return (rows as Letter[]).sort((a, b) => a.id - b.id);
}

export type { LetterContent };

/** What a letter says, read as it is sent; null when it no longer applies (mark it skipped). */
export async function letterContent(database: Db, letter: Letter): Promise<LetterContent | null> {
  if (letter.addressId === null) return null;
  const [address] = await database
    .select({ email: mailAddresses.email, token: mailAddresses.token, confirmedAt: mailAddresses.confirmedAt, blockedAt: mailAddresses.blockedAt })
    .from(mailAddresses)
    .where(eq(mailAddresses.id, letter.addressId));
  if (!address || address.blockedAt) return null;
  const recipient = { letterId: letter.id, to: address.email, token: address.token };
  if (letter.kind === 'confirm') {
    if (address.confirmedAt) return null;
    const [story] = letter.articleId === null ? [] : await database.select({ headline: articles.headline }).from(articles).where(eq(articles.id, letter.articleId));
    return { ...recipient, kind: 'confirm', headline: story?.headline ?? null };
  }
  if (letter.commentId === null) return null;
  const [comment] = await database
    .select({ status: comments.status, parentId: comments.parentId, articleId: comments.articleId, authorName: comments.authorName, body: comments.body, headline: articles.headline, slug: articles.slug, section: sections.slug })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(eq(comments.id, letter.commentId));
  if (!comment) return null;
  const text = { commentId: letter.commentId, authorName: comment.authorName, body: comment.body, headline: comment.headline };
  if (letter.kind === 'held') return comment.status === 'pending' ? { ...recipient, ...text, kind: 'held' } : null;
  if (letter.kind === 'reported') return comment.status === 'approved' || comment.status === 'pending' ? { ...recipient, ...text, kind: 'reported' } : null;
  if (comment.status !== 'approved' || !address.confirmedAt) return null;
  // A reply letter falls back to the story subscription when the reply one is gone, and the other way round never.
  const wanted = [
    ...(letter.kind === 'reply' && comment.parentId !== null ? [eq(mailSubscriptions.commentId, comment.parentId)] : []),
    and(eq(mailSubscriptions.articleId, comment.articleId), isNull(mailSubscriptions.commentId)),
  ];
  const found = await database
    .select({ id: mailSubscriptions.id, commentId: mailSubscriptions.commentId })
    .from(mailSubscriptions)
    .where(and(eq(mailSubscriptions.addressId, letter.addressId), or(...wanted)));
  const subscription = found.find((row) => row.commentId !== null) ?? found[0];
  if (!subscription) return null;
  return { ...recipient, ...text, kind: letter.kind, subscriptionId: subscription.id, permalinkPath: `/comments/${letter.commentId}`, storyPath: `/${comment.section}/${comment.slug}` };
}

export async function markSent(database: Db, id: number, messageId: string, now: Date): Promise<void> {
  await database.update(mailOutbox).set({ status: 'sent', messageId, sentAt: now, lockedUntil: null, lastError: null }).where(eq(mailOutbox.id, id));
}

/** A letter that no longer applies (its comment is gone from view, its address blocked). */
export async function markSkipped(database: Db, id: number): Promise<void> {
  await database.update(mailOutbox).set({ status: 'skipped', lockedUntil: null }).where(eq(mailOutbox.id, id));
}

/**
 * A failed attempt: back in the queue after RETRY_DELAYS_MS[attempts - 1], or 'failed' for good
 * after MAX_ATTEMPTS, or at once when `permanent` (the server refused with a 5xx). The error is kept.
 */
export async function markFailed(database: Db, id: number, error: string, now: Date, options: { permanent: boolean }): Promise<'queued' | 'failed'> {
  const [row] = await database.select({ attempts: mailOutbox.attempts }).from(mailOutbox).where(eq(mailOutbox.id, id));
  const attempts = row?.attempts ?? MAX_ATTEMPTS;
  const lastError = error.slice(0, 2000);
  if (options.permanent || attempts >= MAX_ATTEMPTS) {
    await database.update(mailOutbox).set({ status: 'failed', lockedUntil: null, lastError }).where(eq(mailOutbox.id, id));
    return 'failed';
  }
  const delay = RETRY_DELAYS_MS[Math.max(0, attempts - 1)]!;
  await database.update(mailOutbox).set({ status: 'queued', lockedUntil: null, lastError, nextAttemptAt: new Date(now.getTime() + delay) }).where(eq(mailOutbox.id, id));
  return 'queued';
}

// ---- The manage page and the desk ------------------------------------------------------------

const EXCERPT = 140;
const excerpt = (body: string) => {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1).trimEnd()}…` : flat;
};

export type ManagedAddress = {
  id: number;
  email: string;
  confirmedAt: Date | null;
  blockedAt: Date | null;
  subscriptions: { id: number; articleId: number; commentId: number | null; headline: string; path: string; commentExcerpt: string | null }[];
};

/** The address a manage link's token names, with what it is subscribed to; null for an unknown token. */
export async function findAddressByToken(token: string): Promise<ManagedAddress | null> {
  const [address] = await db
    .select({ id: mailAddresses.id, email: mailAddresses.email, confirmedAt: mailAddresses.confirmedAt, blockedAt: mailAddresses.blockedAt })
    .from(mailAddresses)
    .where(eq(mailAddresses.token, token));
  if (!address) return null;
  const rows = await db
    .select({ id: mailSubscriptions.id, articleId: mailSubscriptions.articleId, commentId: mailSubscriptions.commentId, headline: articles.headline, slug: articles.slug, section: sections.slug, body: comments.body })
    .from(mailSubscriptions)
    .innerJoin(articles, eq(articles.id, mailSubscriptions.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(comments, eq(comments.id, mailSubscriptions.commentId))
    .where(eq(mailSubscriptions.addressId, address.id))
    .orderBy(desc(mailSubscriptions.createdAt), desc(mailSubscriptions.id));
  const subscriptions = rows.map(({ slug, section, body, ...row }) => ({ ...row, path: `/${section}/${slug}`, commentExcerpt: body === null ? null : excerpt(body) }));
  return { ...address, subscriptions };
}

/** The owner confirms their address; false for an unknown token or a blocked address. */
export async function confirmAddress(token: string, now: Date): Promise<boolean> {
  await db.update(mailAddresses).set({ confirmedAt: now }).where(and(eq(mailAddresses.token, token), isNull(mailAddresses.confirmedAt), isNull(mailAddresses.blockedAt)));
  const [address] = await db.select({ confirmedAt: mailAddresses.confirmedAt, blockedAt: mailAddresses.blockedAt }).from(mailAddresses).where(eq(mailAddresses.token, token));
  return Boolean(address?.confirmedAt && !address.blockedAt);
}

const addressOfToken = (token: string) => db.select({ id: mailAddresses.id }).from(mailAddresses).where(eq(mailAddresses.token, token));

/** Ends one subscription, only if it is this token's own; letters it would have sent are skipped at send time. */
export async function unsubscribe(token: string, subscriptionId: number, now: Date): Promise<boolean> {
  void now;
  const removed = await db
    .delete(mailSubscriptions)
    .where(and(eq(mailSubscriptions.id, subscriptionId), inArray(mailSubscriptions.addressId, addressOfToken(token))))
    .returning({ id: mailSubscriptions.id });
  return removed.length > 0;
}

/** Ends every subscription of the token's address; `block` also refuses all mail to it from now on. False for an unknown token. */
export async function unsubscribeAll(token: string, now: Date, options: { block: boolean }): Promise<boolean> {
  return transact(db, function* (tx): TransactionBody<boolean> {
    const address = yield* get(tx.select({ id: mailAddresses.id }).from(mailAddresses).where(eq(mailAddresses.token, token)));
    if (!address) return false;
    yield* run(tx.delete(mailSubscriptions).where(eq(mailSubscriptions.addressId, address.id)));
    if (options.block) {
      yield* run(tx.update(mailAddresses).set({ blockedAt: now }).where(eq(mailAddresses.id, address.id)));
      yield* run(tx.update(mailOutbox).set({ status: 'skipped' }).where(and(eq(mailOutbox.addressId, address.id), eq(mailOutbox.status, 'queued'))));
    }
    return true;
  });
}

/**
 * The owner takes back "never email this address again": mail may go to it once more. Nothing is
 * subscribed again (the block ended every subscription), and an address never confirmed is asked to
 * confirm at its next subscription, as any. The token is the same key that set the block. False for
 * an unknown token.
 */
export async function allowMailAgain(token: string): Promise<boolean> {
  const changed = await db
    .update(mailAddresses)
    .set({ blockedAt: null })
    .where(eq(mailAddresses.token, token))
    .returning({ id: mailAddresses.id });
  return changed.length > 0;
}

export const OUTBOX_PAGE_SIZE = 50;

const problem = or(eq(mailOutbox.status, 'failed'), and(eq(mailOutbox.status, 'queued'), gt(mailOutbox.attempts, 0), isNotNull(mailOutbox.recipient)));

/** Failed letters and those waiting to be tried again, newest first, with the last error; OUTBOX_PAGE_SIZE a page. */
export async function listOutboxProblems({ page }: { page: number }) {
  return db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      recipient: mailOutbox.recipient,
      commentId: mailOutbox.commentId,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      nextAttemptAt: mailOutbox.nextAttemptAt,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .where(problem)
    .orderBy(desc(mailOutbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * OUTBOX_PAGE_SIZE);
}

/** Letters waiting (queued, or being sent), failed for good, and sent in the 24 hours before `now`. */
export async function outboxCounts(now = new Date()): Promise<{ queued: number; failed: number; sentToday: number }> {
  const letters = inArray(mailOutbox.kind, [...mailLetterKinds]);
  const countOf = async (where: ReturnType<typeof and>) => (await db.select({ n: count() }).from(mailOutbox).where(and(letters, where)))[0]?.n ?? 0;
  return {
    queued: await countOf(inArray(mailOutbox.status, ['queued', 'sending'])),
    failed: await countOf(eq(mailOutbox.status, 'failed')),
    sentToday: await countOf(and(eq(mailOutbox.status, 'sent'), gte(mailOutbox.sentAt, new Date(now.getTime() - DAY)))),
  };
}

/** A failed letter back in the queue, due now, with its attempts counted afresh; false when it is not failed. */
export async function retryLetter(id: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(mailOutbox)
    .set({ status: 'queued', attempts: 0, nextAttemptAt: now, lockedUntil: null })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'failed')))
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}
