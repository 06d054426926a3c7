'use server';

import { formDataOf } from '@/lib/action-args';
import { AuthError, CredentialsSignin } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn, signOut } from '@/auth';
import { findUserForSignIn } from '@/db/users';
import { signInMessages } from '@/lib/sign-in-throttle';
import { homeFor } from '@/lib/user-roles';

export type LogInState = { status: 'idle' } | { status: 'error'; message: string; email: string };

const LogInInput = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1000),
  next: z.string().optional(),
});

/** Only our own desk paths: never an open redirect to another site. Without one, the role's own desk. */
function safeNext(next: string | undefined) {
  return next && /^\/(moderation|desk)(\/[\w/-]*)?(\?[\w=&%-]*)?$/.test(next) ? next : null;
}

type Failure = keyof typeof signInMessages;

/**
 * Signs in (Auth.js checks the password and the throttle), then goes to the desk. A failure is the
 * form's state with JavaScript, or a redirect to `/login?error=…` without it (the login page is
 * rendered per request, and such a page does not get a plain form post's state).
 */
export async function logIn(_previous: LogInState, submitted: FormData): Promise<LogInState> {
  const formData = formDataOf(_previous, submitted);
  const parsed = LogInInput.safeParse(Object.fromEntries(formData));
  const email = typeof formData.get('email') === 'string' ? String(formData.get('email')).slice(0, 254) : '';
  const next = safeNext(parsed.success ? parsed.data.next : undefined);
  const fail = (failure: Failure): LogInState => {
    if (formData.get('js') !== '1') redirect(`/login?error=${failure}${next ? `&next=${encodeURIComponent(next)}` : ''}`);
    return { status: 'error', message: signInMessages[failure], email };
  };
  if (!parsed.success) return fail('missing');
  let failure: Failure | null = null;
  try {
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    failure = error instanceof CredentialsSignin && error.code === 'throttled' ? 'throttled' : 'invalid';
  }
  if (failure) return fail(failure);
  const account = next ? null : await findUserForSignIn(parsed.data.email);
  redirect(next ?? (account ? homeFor(account.role) : '/moderation'));
}

export async function logOut() {
  await signOut({ redirectTo: '/login?signedOut=1' });
}
