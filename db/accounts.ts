/**
 * Account writes shared by the command line (user:create, the initial admin at start-up) and the
 * desk. Takes the database as an argument so scripts can use it outside Next.
 */
import { and, eq } from 'drizzle-orm';
import { hashPassword } from '../lib/passwords';
import type { Db } from './client';
import type { UserRole } from '../lib/user-roles';
import { users } from './schema';

export function hasActiveAdmin(database: Db): boolean {
  return (
    database
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
      .limit(1)
      .all().length > 0
  );
}

/** Creates the account, or updates name, role and password of the one with this email. */
export async function upsertUser(database: Db, input: { email: string; name: string; role: UserRole; password: string }) {
  const passwordHash = await hashPassword(input.password);
  const email = input.email.trim().toLowerCase();
  const [row] = database
    .insert(users)
    .values({ email, name: input.name, role: input.role, passwordHash })
    .onConflictDoUpdate({
      target: users.email,
      set: { name: input.name, role: input.role, passwordHash, disabled: false, sessionsValidAfter: new Date() },
    })
    .returning({ id: users.id })
    .all();
  return row!.id;
}
