/**
 * Desk accounts and failed sign-ins. No 'server-only': the command line (user:create, the initial
 * admin at start-up) and the end-to-end fixtures create accounts with `upsertUser`, on a connection
 * of their own; the rest is for the app, on its connection.
 */
import { and, asc, count, eq, gt, or } from 'drizzle-orm';
import { hashPassword } from '../lib/passwords';
import type { UserRole } from '../lib/user-roles';
import { type Db, db } from './client';
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

/** Failed sign-ins since `since` for this email and for this address, counted apart. */
export async function countRecentFailures(email: string, ip: string, since: Date) {
  const rows = await recentFailuresQuery(email, ip, since);
  return { byEmail: rows.filter((r) => r.email === email).length, byIp: rows.filter((r) => r.ip === ip).length };
}

export function recentFailuresQuery(email: string, ip: string, since: Date) {
  return db
    .select({ email: loginFailures.email, ip: loginFailures.ip })
    .from(loginFailures)
    .where(and(or(eq(loginFailures.email, email), eq(loginFailures.ip, ip)), gt(loginFailures.createdAt, since)));
}

export async function recordFailure(email: string, ip: string, at: Date) {
  await db.insert(loginFailures).values({ email, ip, createdAt: at });
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
  return db.transaction(
    (tx): AccountChangeResult => {
      const [before] = tx.select(staffColumns).from(users).where(eq(users.id, id)).all();
      if (!before) return { kind: 'missing' };
      if (values.passwordHash === undefined && (values.role ?? before.role) === before.role && (values.disabled ?? before.disabled) === before.disabled) {
        return { kind: 'unchanged', account: before };
      }
      const wasActiveAdmin = before.role === 'admin' && !before.disabled;
      const staysActiveAdmin = (values.role ?? before.role) === 'admin' && !(values.disabled ?? before.disabled);
      if (wasActiveAdmin && !staysActiveAdmin) {
        const [admins] = tx
          .select({ n: count() })
          .from(users)
          .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
          .all();
        if ((admins?.n ?? 0) <= 1) return { kind: 'last-admin' };
      }
      const [after] = tx.update(users).set(values).where(eq(users.id, id)).returning(staffColumns).all();
      return { kind: 'changed', before, after: after! };
    },
    { behavior: 'immediate' },
  );
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
