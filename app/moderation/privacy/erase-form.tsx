'use client';

import { useActionState } from 'react';
import { eraseCommenter, type EraseCommenterState } from './actions';
import { FormError } from '@/components/form-error';

const idle: EraseCommenterState = { status: 'idle' };

/** `answerAt`: where the form posts without JavaScript and is answered (./privacy-requests.tsx). */
export function EraseCommenterForm({ answerAt }: { answerAt: string }) {
  const [state, action, pending] = useActionState(eraseCommenter, idle, answerAt);
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  const email = state.status === 'invalid' ? state.values.email : '';
  const describedBy = (name: keyof typeof errors, hint: string) => (errors[name] ? `erase-${name}-error ${hint}` : hint);

  return (
    <form action={action} className="desk-new-account" aria-labelledby="erase-title" aria-busy={pending || undefined}>
      {state.status === 'erased' ? (
        <p className="form-notice" role="status">
          {state.message}
        </p>
      ) : null}
      <FormError message={state.status === 'denied' ? state.message : null} />
      <p className="comment-field">
        <label htmlFor="erase-email">Commenter’s email</label>
        <input
          id="erase-email"
          name="email"
          type="email"
          autoComplete="off"
          maxLength={254}
          required
          defaultValue={email}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy('email', 'erase-email-hint')}
        />
        {errors.email ? (
          <span id="erase-email-error" className="field-error">
            {errors.email}
          </span>
        ) : null}
        <span id="erase-email-hint" className="field-hint">
          Every comment written with this address, in any letter case.
        </span>
      </p>
      <p className="settings-checkbox">
        <input
          id="erase-confirm"
          name="confirm"
          type="checkbox"
          value="yes"
          required
          aria-invalid={errors.confirm ? true : undefined}
          aria-describedby={errors.confirm ? 'erase-confirm-error' : undefined}
        />
        <label htmlFor="erase-confirm">I understand that this cannot be undone</label>
        {errors.confirm ? (
          <span id="erase-confirm-error" className="field-error field-hint">
            {errors.confirm}
          </span>
        ) : null}
      </p>
      <p className="form-submit">
        <button type="submit" className="primary" disabled={pending}>
          Erase
        </button>
      </p>
    </form>
  );
}
