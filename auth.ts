/**
 * Sign-in for the moderation desk: Auth.js (next-auth v5) with a Credentials provider against the
 * users table, argon2id hashes, JWT sessions carrying the role. Every page, action and route handler
 * of the desk calls requireModerator()/requireAdmin() (or authorizeStaff) itself; proxy.ts only
 * redirects early.
 */
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { forbidden, redirect } from 'next/navigation';
import { z } from 'zod';
import { checkSignIn, findUserById } from '@/db/users';
import { canModerateComments, canWriteStories, type UserRole } from '@/lib/user-roles';
import { ensureAuthSecret } from '@/lib/auth-secret';
import { clientAddress } from '@/server/client-ip';

declare module 'next-auth' {
  interface User {
    role?: UserRole;
  }
  interface Session {
    signedInAt?: number;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: number;
    role?: UserRole;
    signedInAt?: number;
  }
}

/** The same answer whether or not the account exists. */
export class ThrottledSignIn extends CredentialsSignin {
  code = 'throttled';
}

const SignInInput = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1000),
});

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: ensureAuthSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login' },
  logger: { error: (error) => console.error(`[auth] ${error.name}`) },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const parsed = SignInInput.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientAddress(request.headers.get('x-forwarded-for'));
        const result = await checkSignIn(email, password, ip, new Date());
        if (result.kind === 'throttled') throw new ThrottledSignIn();
        if (result.kind === 'invalid') return null;
        const { user } = result;
        return { id: String(user.id), name: user.name, email: user.email, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.signedInAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, signedInAt: token.signedInAt, user: { ...session.user, id: String(token.uid), role: token.role } };
    },
  },
});

export type Staff = { id: number; name: string; email: string; role: UserRole };

/**
 * The signed-in member of staff, re-read from the database on every call, so a disabled account,
 * a changed role or a reset password takes effect at the next request; null otherwise.
 */
export async function currentStaff(): Promise<Staff | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const user = await findUserById(id);
  if (!user || user.disabled) return null;
  const signedInAt = typeof session?.signedInAt === 'number' ? session.signedInAt : 0;
  if (user.sessionsValidAfter && signedInAt < user.sessionsValidAfter.getTime()) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

/** The comment desk: admins, editors and moderators (lib/user-roles.ts). */
export function canModerate(staff: Staff | null): staff is Staff {
  return staff !== null && canModerateComments(staff.role);
}

/** The newsroom desk: admins, editors and authors. */
export function canWrite(staff: Staff | null): staff is Staff {
  return staff !== null && canWriteStories(staff.role);
}

export function isAdmin(staff: Staff | null): staff is Staff {
  return staff?.role === 'admin';
}

/** For desk pages: to /login without a session. */
async function requireStaff(next: string): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) redirect(`/login?next=${encodeURIComponent(next)}`);
  return staff;
}

/** For comment desk pages: to /login without a session, 403 for an author. */
export async function requireModerator(next = '/moderation'): Promise<Staff> {
  const staff = await requireStaff(next);
  if (!canModerateComments(staff.role)) forbidden();
  return staff;
}

export async function requireAdmin(next = '/moderation'): Promise<Staff> {
  const staff = await requireStaff(next);
  if (staff.role !== 'admin') forbidden();
  return staff;
}

/** For newsroom desk pages: to /login without a session, 403 for a moderator. */
export async function requireWriter(next = '/desk/stories'): Promise<Staff> {
  const staff = await requireStaff(next);
  if (!canWriteStories(staff.role)) forbidden();
  return staff;
}
