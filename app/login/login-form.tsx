'use client';

import { useActionState } from 'react';
import { logIn, type LogInState } from './actions';

export function LogInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<LogInState, FormData>(logIn, { status: 'idle' });
  return (
    <form action={action} className="login-form">
      {state.status === 'error' ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <p className="comment-field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.status === 'error' ? state.email : ''} />
      </p>
      <p className="comment-field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </p>
      <input type="hidden" name="next" value={next} />
      <p className="form-submit">
        <button type="submit" disabled={pending}>
          Sign in
        </button>
      </p>
    </form>
  );
}
