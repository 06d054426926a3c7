/**
 * Desk accounts and failed sign-ins. No 'server-only': the command line (user:create, the initial
 * admin at start-up) and the end-to-end fixtures create accounts with `upsertUser`, on a connection
 * of their own; the rest is for the app, on its connection.
 */
import { and, asc, count, eq, gt, or } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '../lib/passwords';
import { isThrottled, SIGN_IN_WINDOW_MS } from '../lib/sign-in-throttle';
import type { UserRole } from '../lib/user-roles';
import { type Db, db } from './client';
import { all, get, lock, transact, type TransactionBody } from './transact';
import { authors, loginFailures, users } from './schema';

/** What the desk may know about an account: never the password hash. */
const staffColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabled: users.disabled,
  sessionsValidAfter: users.sessionsValidAfter,
  createdAt: users.createdAt,
};

export async function findUserForSignIn(email: string) {
  const [row] = await findUserForSignInQuery(email);
  return row ?? null;
}

export function findUserForSignInQuery(email: string) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email));
}

export async function findUserById(id: number) {
  const [row] = await db.select(staffColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function listUsers() {
  return db.select(staffColumns).from(users).orderBy(asc(users.name));
}

export async function insertUser(values: { email: string; name: string; role: UserRole; passwordHash: string }) {
  const [row] = await db.insert(users).values(values).onConflictDoNothing().returning({ id: users.id });
  return row ?? null;
}

export function recentFailuresQuery(email: string, ip: string, since: Date, database: Pick<Db, 'select'> = db) {
  return database
    .select({ email: loginFailures.email, ip: loginFailures.ip })
    .from(loginFailures)
    .where(and(or(eq(loginFailures.email, email), eq(loginFailures.ip, ip)), gt(loginFailures.createdAt, since)));
}

export type SignInCheck = { kind: 'throttled' } | { kind: 'invalid' } | { kind: 'ok'; user: { id: number; email: string; name: string; role: UserRole } };

/**
 * Checks a sign-in against the throttle and the password. The failure is written before the
 * password is checked (and taken back when it was right), in the transaction that counts the earlier
 * ones: concurrent wrong attempts, on any number of servers, are counted one by one, so with a limit
 * of 5 the sixth in the window is refused however they arrive. The same answers whether or not the
 * account exists.
 */
export async function checkSignIn(email: string, password: string, ip: string, now: Date): Promise<SignInCheck> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const failureId = await transact(db, function* (tx) {
    // Always this order, so two attempts never wait on each other's second lock.
    yield* lock(`sign-in:email:${email}`);
    yield* lock(`sign-in:ip:${ip}`);
    const rows = yield* all(recentFailuresQuery(email, ip, since, tx));
    const failures = { byEmail: rows.filter((r) => r.email === email).length, byIp: rows.filter((r) => r.ip === ip).length };
    if (isThrottled(failures)) return null;
    const [row] = yield* all(tx.insert(loginFailures).values({ email, ip, createdAt: now }).returning({ id: loginFailures.id }));
    return row!.id;
  });
  if (failureId === null) return { kind: 'throttled' };
  const user = await findUserForSignIn(email);
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok || user.disabled) return { kind: 'invalid' };
  await db.delete(loginFailures).where(eq(loginFailures.id, failureId));
  return { kind: 'ok', user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

export type StaffAccount = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

export type AccountChangeResult =
  | { kind: 'changed'; before: StaffAccount; after: StaffAccount }
  | { kind: 'unchanged'; account: StaffAccount }
  | { kind: 'missing' }
  | { kind: 'last-admin' };

/**
 * Changes an account unless that would leave no active admin. The check and the write share one
 * IMMEDIATE transaction, so two admins demoting each other at the same moment cannot both succeed.
 */
export async function changeAccount(
  id: number,
  values: Partial<{ role: UserRole; disabled: boolean; passwordHash: string; sessionsValidAfter: Date }>,
): Promise<AccountChangeResult> {
  return transact(db, function* (tx): TransactionBody<AccountChangeResult> {
    // Every change that may take away an active admin waits for the others, so each counts what the last left.
    yield* lock('users:active-admins');
    const before = yield* get(tx.select(staffColumns).from(users).where(eq(users.id, id)));
    if (!before) return { kind: 'missing' };
    if (values.passwordHash === undefined && (values.role ?? before.role) === before.role && (values.disabled ?? before.disabled) === before.disabled) {
      return { kind: 'unchanged', account: before };
    }
    const wasActiveAdmin = before.role === 'admin' && !before.disabled;
    const staysActiveAdmin = (values.role ?? before.role) === 'admin' && !(values.disabled ?? before.disabled);
    if (wasActiveAdmin && !staysActiveAdmin) {
      const admins = yield* get(tx.select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), eq(users.disabled, false))));
      if ((admins?.n ?? 0) <= 1) return { kind: 'last-admin' };
    }
    const [after] = yield* all(tx.update(users).set(values).where(eq(users.id, id)).returning(staffColumns));
    return { kind: 'changed', before, after: after! };
  });
}

export async function hasActiveAdmin(database: Db): Promise<boolean> {
  const rows = await database
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
    .limit(1);
  return rows.length > 0;
}

/** Creates the account, or updates name, role and password of the one with this email. */
export async function upsertUser(database: Db, input: { email: string; name: string; role: UserRole; password: string }) {
  const passwordHash = await hashPassword(input.password);
  const email = input.email.trim().toLowerCase();
  const [row] = await database
    .insert(users)
    .values({ email, name: input.name, role: input.role, passwordHash })
    .onConflictDoUpdate({
      target: users.email,
      set: { name: input.name, role: input.role, passwordHash, disabled: false, sessionsValidAfter: new Date() },
    })
    .returning({ id: users.id });
  return row!.id;
}

/** The byline a desk account writes under, if it has one. */
export async function authorOfUser(userId: number) {
  const [row] = await db
    .select({ id: authors.id, name: authors.name, slug: authors.slug })
    .from(users)
    .innerJoin(authors, eq(authors.id, users.authorId))
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Links a desk account to a byline by the author's slug (null: to none); false when there is no such author. */
export async function linkUserToAuthor(database: Db, userId: number, authorSlug: string | null) {
  if (authorSlug === null) {
    await database.update(users).set({ authorId: null }).where(eq(users.id, userId));
    return true;
  }
  const [author] = await database.select({ id: authors.id }).from(authors).where(eq(authors.slug, authorSlug));
  if (!author) return false;
  await database.update(users).set({ authorId: author.id }).where(eq(users.id, userId));
  return true;
}
