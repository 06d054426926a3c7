import 'server-only';
import { and, asc, desc, eq, gt, isNull, ne, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { type Ban, banMatches, emailDomain } from '@/lib/bans';
import { db, type Db, isPostgres, preparedOnce } from './client';
import { escapeLike, likeIgnoringCase } from './like';
import type { LogActor } from './log-rows';
import { log, setStatuses, type StatusChange, statusLog } from './moderation';
import { commentBans, comments } from './schema';
import { all, get, run, transact, type TransactionBody, type Tx } from './transact';

/**
 * Bans (issue 19): stored as lib/bans.ts parses them; the comment action asks `bansInForce` before
 * the rules. Making, changing and lifting a ban are logged like every decision, each with its log
 * rows in one transaction.
 */

export type BanRow = Ban & { id: number; createdByName: string; createdAt: Date; updatedAt: Date };

const banColumns = {
  id: commentBans.id,
  kind: commentBans.kind,
  value: commentBans.value,
  reason: commentBans.reason,
  expiresAt: commentBans.expiresAt,
  createdByName: commentBans.createdByName,
  createdAt: commentBans.createdAt,
  updatedAt: commentBans.updatedAt,
};

/** Every ban, newest first (the page shows those in force apart from those that have ended). */
export async function listBans(): Promise<BanRow[]> {
  return db.select(banColumns).from(commentBans).orderBy(desc(commentBans.createdAt), desc(commentBans.id));
}

const inForceAt = (database: Db, now: Date | Placeholder) =>
  database
    .select(banColumns)
    .from(commentBans)
    .where(or(isNull(commentBans.expiresAt), gt(commentBans.expiresAt, now)))
    .orderBy(asc(commentBans.id));

/** Asked on every comment posted: on SQLite prepared once (building and preparing it was a twentieth of a post). */
const inForceOnSqlite = preparedOnce(db, (database) => inForceAt(database, sql.placeholder('now')).prepare());

/** The bans a new comment is checked against: those not yet expired at `now`. */
export async function bansInForce(now: Date): Promise<BanRow[]> {
  if (isPostgres(db)) return inForceAt(db, now);
  // A placeholder is bound as given, not through the column: the stored value is ms since the epoch.
  return inForceOnSqlite().all({ now: now.getTime() });
}

export async function findBan(id: number): Promise<BanRow | null> {
  const [row] = await db.select(banColumns).from(commentBans).where(eq(commentBans.id, id));
  return row ?? null;
}

const logged = (ban: Ban) => ({ kind: ban.kind, value: ban.value, reason: ban.reason, expiresAt: ban.expiresAt?.toISOString() ?? null });

/** One ban per kind and value: a second would only confuse which one ends when. */
const sameBan = (tx: Tx, ban: Pick<Ban, 'kind' | 'value'>) =>
  get(tx.select({ id: commentBans.id }).from(commentBans).where(and(eq(commentBans.kind, ban.kind), eq(commentBans.value, ban.value))));

/**
 * The approved comments a ban names, narrowed in SQL where the kind allows (an email's domain, an
 * exact address) and decided by lib/bans.ts's own matching. Staff replies are never held.
 */
function* approvedCommentsMatching(tx: Tx, ban: Ban, now: Date): TransactionBody<{ id: number; articleId: number }[]> {
  let narrowed: SQL | undefined;
  if (ban.kind === 'email') {
    const domain = emailDomain(ban.value);
    narrowed = domain ? likeIgnoringCase(comments.authorEmail, `%@${escapeLike(domain)}`) : undefined;
  } else if (ban.kind === 'domain') {
    narrowed = or(likeIgnoringCase(comments.authorEmail, `%@${escapeLike(ban.value)}`), likeIgnoringCase(comments.authorEmail, `%.${escapeLike(ban.value)}`));
  } else {
    narrowed = ban.value.includes('/') ? ne(comments.ip, '') : eq(comments.ip, ban.value);
  }
  const rows = yield* all(
    tx
      .select({ id: comments.id, articleId: comments.articleId, email: comments.authorEmail, ip: comments.ip })
      .from(comments)
      .where(and(eq(comments.status, 'approved'), isNull(comments.userId), isNull(comments.bylineId), narrowed))
      .orderBy(asc(comments.id)),
  );
  // Matched as a new comment would be, in force or not: the moderator asked for these comments.
  const standing = { ...ban, expiresAt: null };
  return rows.filter((row) => banMatches(standing, { email: row.email, ip: row.ip }, now)).map(({ id, articleId }) => ({ id, articleId }));
}

export type CreateBanResult = { kind: 'created'; id: number; changes: StatusChange[] } | { kind: 'exists'; id: number };

/**
 * Makes a ban and, when asked, sends the commenter's approved comments back to Pending (each logged,
 * each put back by the desk's Undo), all in one transaction.
 */
export async function createBan(actor: NonNullable<LogActor>, ban: Ban, options: { holdApproved: boolean }, now: Date): Promise<CreateBanResult> {
  return transact(db, function* (tx): TransactionBody<CreateBanResult> {
    const existing = yield* sameBan(tx, ban);
    if (existing) return { kind: 'exists', id: existing.id };
    const [row] = yield* all(
      tx
        .insert(commentBans)
        .values({ ...ban, createdById: actor.id, createdByName: actor.name, createdAt: now, updatedAt: now })
        .returning({ id: commentBans.id }),
    );
    const id = row!.id;
    const held = options.holdApproved ? yield* approvedCommentsMatching(tx, ban, now) : [];
    const changes = yield* setStatuses(tx, held.map((comment) => ({ ...comment, status: 'approved' as const, to: 'pending' as const })));
    yield* log(
      tx,
      [
        { actor, action: 'ban.create', targetType: 'ban', targetId: id, before: null, after: { ...logged(ban), heldComments: changes.length } },
        ...changes.map((change) => statusLog(actor, 'comment.ban-hold', change)),
      ],
      now,
    );
    return { kind: 'created', id, changes };
  });
}

export type UpdateBanResult = { kind: 'saved' } | { kind: 'not-found' } | { kind: 'exists'; id: number };

/** Changes what a ban names, its reason or its end; logged with before and after. */
export async function updateBan(actor: NonNullable<LogActor>, id: number, ban: Ban, now: Date): Promise<UpdateBanResult> {
  return transact(db, function* (tx): TransactionBody<UpdateBanResult> {
    const before = yield* get(tx.select(banColumns).from(commentBans).where(eq(commentBans.id, id)));
    if (!before) return { kind: 'not-found' };
    const existing = yield* sameBan(tx, ban);
    if (existing && existing.id !== id) return { kind: 'exists', id: existing.id };
    yield* run(tx.update(commentBans).set({ ...ban, updatedAt: now }).where(eq(commentBans.id, id)));
    yield* log(tx, [{ actor, action: 'ban.update', targetType: 'ban', targetId: id, before: logged(before), after: logged(ban) }], now);
    return { kind: 'saved' };
  });
}

/** Lifts a ban: it is deleted, and the log keeps what it was. Comments it held stay where they are. */
export async function liftBan(actor: NonNullable<LogActor>, id: number, now: Date): Promise<BanRow | null> {
  return transact(db, function* (tx): TransactionBody<BanRow | null> {
    const [lifted] = yield* all(tx.delete(commentBans).where(eq(commentBans.id, id)).returning(banColumns));
    if (!lifted) return null;
    yield* log(tx, [{ actor, action: 'ban.lift', targetType: 'ban', targetId: id, before: logged(lifted), after: null }], now);
    return lifted;
  });
}

/** Who wrote a comment, as the ban form offers to ban them; null for no such comment. */
export async function findCommenter(commentId: number) {
  const [row] = await db
    .select({ id: comments.id, authorName: comments.authorName, authorEmail: comments.authorEmail, ip: comments.ip })
    .from(comments)
    .where(eq(comments.id, commentId));
  return row ?? null;
}
