import type { Metadata } from 'next';
import { signInMessages } from '@/lib/sign-in-throttle';
import { LogInForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

// Rendered per request, whole (it reads the query string).
export const instant = false;

type Props = { searchParams: Promise<{ next?: string | string[]; signedOut?: string; error?: string }> };

export default async function LogInPage(props: Props) {
  const { next, signedOut, error } = await props.searchParams;
  const message = error && error in signInMessages ? signInMessages[error as keyof typeof signInMessages] : null;
  return (
    <div className="login">
      <p className="kicker">Moderation desk</p>
      <h1>Sign in</h1>
      {signedOut ? <p className="form-notice" role="status">You have signed out.</p> : null}
      <p className="login-intro">For Broadsheet staff who moderate the conversation. Readers do not need an account to comment.</p>
      <LogInForm next={typeof next === 'string' ? next : ''} error={message} />
    </div>
  );
}
