'use client';

import { useActionState } from 'react';
import { roleNames, userRoles } from '@/lib/user-roles';
import { type AccountActionState, createAccount, type CreateAccountState } from './actions';
import { FormError } from '@/components/form-error';

const idleRow: AccountActionState = { status: 'idle' };
const idleCreate: CreateAccountState = { status: 'idle' };

/** One button of an account's row, in a small form of its own, with its outcome beside it. */
export function AccountActionForm({
  action,
  answerAt,
  userId,
  fields = {},
  choice,
  label,
}: {
  action: (state: AccountActionState, data: FormData) => Promise<AccountActionState>;
  /** Where the form posts without JavaScript and is answered (one address per form: see ./people.tsx). */
  answerAt: string;
  userId: number;
  fields?: Record<string, string>;
  /** A choice made beside the button (an account's role), sent with the form. */
  choice?: { name: string; label: string; options: { value: string; label: string }[]; value: string };
  label: string;
}) {
  const [state, formAction, pending] = useActionState(action, idleRow, answerAt);
  return (
    <form action={formAction} className="account-action">
      <input type="hidden" name="userId" value={userId} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {choice ? (
        <select name={choice.name} aria-label={choice.label} defaultValue={choice.value}>
          {choice.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : null}
      <button type="submit" disabled={pending}>
        {label}
      </button>
      {state.status === 'done' ? (
        <span className="account-outcome" role="status">
          {state.message}
          {state.password ? (
            <>
              {' '}
              <code className="shown-once">{state.password}</code> Copy it now: it will not be shown again. Their other sessions
              have ended.
            </>
          ) : null}
        </span>
      ) : null}
      {state.status === 'denied' || state.status === 'refused' ? (
        <span className="account-outcome field-error" role="alert">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

/** `minPasswordLength` comes from the server, so that lib/passwords (argon2) stays out of the browser bundle. */
export function CreateAccountForm({ minPasswordLength, answerAt }: { minPasswordLength: number; answerAt: string }) {
  const [state, action, pending] = useActionState(createAccount, idleCreate, answerAt);
  const values = state.status === 'invalid' ? state.values : { email: '', name: '', role: 'moderator' };
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  const invalid = (name: keyof typeof errors) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `new-${name}-error` : undefined,
  });
  const error = (name: keyof typeof errors) =>
    errors[name] ? (
      <span id={`new-${name}-error`} className="field-error">
        {errors[name]}
      </span>
    ) : null;

  return (
    <form action={action} className="desk-new-account" aria-labelledby="new-account-title">
      {state.status === 'created' ? (
        <div className="form-notice" role="status">
          <p>{state.message}</p>
          {state.password ? (
            <p>
              Their password: <code className="shown-once">{state.password}</code>. Copy it now and give it to them privately: it will
              not be shown again.
            </p>
          ) : null}
        </div>
      ) : null}
      <FormError message={state.status === 'denied' ? state.message : null} />
      <p className="comment-field">
        <label htmlFor="new-email">Email</label>
        <input id="new-email" name="email" type="email" autoComplete="off" maxLength={254} required defaultValue={values.email} {...invalid('email')} />
        {error('email')}
      </p>
      <p className="comment-field">
        <label htmlFor="new-name">Name</label>
        <input id="new-name" name="name" type="text" autoComplete="off" maxLength={100} required defaultValue={values.name} {...invalid('name')} />
        {error('name')}
      </p>
      <p className="comment-field">
        <label htmlFor="new-role">Role</label>
        <select id="new-role" name="role" defaultValue={(userRoles as readonly string[]).includes(values.role) ? values.role : 'moderator'} {...invalid('role')}>
          {userRoles.map((role) => (
            <option key={role} value={role}>
              {roleNames[role]}
            </option>
          ))}
        </select>
        {error('role')}
      </p>
      <p className="comment-field">
        <label htmlFor="new-password">Password</label>
        <input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={minPasswordLength}
          maxLength={1000}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? 'new-password-error new-password-hint' : 'new-password-hint'}
        />
        {error('password')}
        <span id="new-password-hint" className="field-hint">
          At least {minPasswordLength} characters. Leave it empty and a strong one will be made and shown to you once.
        </span>
      </p>
      <p className="form-submit">
        <button type="submit" className="primary" disabled={pending}>
          Create account
        </button>
      </p>
    </form>
  );
}
