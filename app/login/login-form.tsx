'use client';

import { useActionState, useSyncExternalStore } from 'react';
import { logIn, type LogInState } from './actions';
import { FormError } from '@/components/form-error';

const noop = () => () => undefined;

export function LogInForm({ next, error }: { next: string; error: string | null }) {
  const [state, action, pending] = useActionState<LogInState, FormData>(logIn, { status: 'idle' });
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const message = state.status === 'error' ? state.message : error;
  return (
    <form action={action} className="login-form">
      <FormError message={message} />
      <p className="comment-field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.status === 'error' ? state.email : ''} />
      </p>
      <p className="comment-field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </p>
      <input type="hidden" name="next" value={next} />
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}
      <p className="form-submit">
        <button type="submit" disabled={pending}>
          Sign in
        </button>
      </p>
    </form>
  );
}
