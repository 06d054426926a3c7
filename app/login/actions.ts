'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn, signOut } from '@/auth';
import { signInMessages } from '@/lib/sign-in-throttle';

export type LogInState = { status: 'idle' } | { status: 'error'; message: string; email: string };

const LogInInput = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1000),
  next: z.string().optional(),
});

/** Only our own desk paths: never an open redirect to another site. */
function safeNext(next: string | undefined) {
  return next && /^\/moderation(\/[\w/-]*)?(\?[\w=&%-]*)?$/.test(next) ? next : '/moderation';
}

/** Signs in (Auth.js checks the password and the throttle), then goes to the desk. */
export async function logIn(_previous: LogInState, formData: FormData): Promise<LogInState> {
  const parsed = LogInInput.safeParse(Object.fromEntries(formData));
  const email = typeof formData.get('email') === 'string' ? String(formData.get('email')).slice(0, 254) : '';
  if (!parsed.success) return { status: 'error', message: 'Enter your email address and password.', email };
  try {
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === 'throttled') {
      return { status: 'error', message: signInMessages.throttled, email };
    }
    if (error instanceof AuthError) return { status: 'error', message: signInMessages.invalid, email };
    throw error;
  }
  redirect(safeNext(parsed.data.next));
}

export async function logOut() {
  await signOut({ redirectTo: '/login?signedOut=1' });
}
