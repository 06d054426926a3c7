'use client';

import { useActionState, useId } from 'react';
import { BYLINE_BIO_MAX, BYLINE_NAME_MAX } from '@/lib/story-form';
import { type BylineFormState, saveBylineForm } from './actions';

/** A byline's name and bio; a refusal keeps what was typed, with or without JavaScript. */
export function BylineForm({ id, initial }: { id: number; initial: { name: string; bio: string } }) {
  const [state, formAction, pending] = useActionState<BylineFormState, FormData>(saveBylineForm, { status: 'idle' }, `/desk/bylines/answer/edit-${id}`);
  const prefix = useId();
  const values = state.status === 'invalid' ? state.values : initial;
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  return (
    <form action={formAction} className="story-editor" key={state.status === 'invalid' ? state.attempt : 0}>
      <input type="hidden" name="id" value={id} />
      {state.status === 'invalid' ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <p className="comment-field">
        <label htmlFor={`${prefix}-name`}>Name</label>
        <input id={`${prefix}-name`} name="name" type="text" required maxLength={BYLINE_NAME_MAX + 100} defaultValue={values.name} aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? `${prefix}-name-error` : undefined} />
        {errors.name ? (
          <span id={`${prefix}-name-error`} className="field-error">
            {errors.name}
          </span>
        ) : null}
      </p>
      <p className="comment-field">
        <label htmlFor={`${prefix}-bio`}>Short bio</label>
        <textarea id={`${prefix}-bio`} name="bio" rows={4} maxLength={BYLINE_BIO_MAX + 100} defaultValue={values.bio} aria-invalid={errors.bio ? true : undefined} aria-describedby={`${prefix}-bio-hint${errors.bio ? ` ${prefix}-bio-error` : ''}`} />
        <span id={`${prefix}-bio-hint`} className="field-hint">
          Shown on the author&apos;s page, as plain text.
        </span>
        {errors.bio ? (
          <span id={`${prefix}-bio-error`} className="field-error">
            {errors.bio}
          </span>
        ) : null}
      </p>
      <p className="form-submit">
        <button type="submit" className="primary" disabled={pending}>
          Save byline
        </button>
      </p>
    </form>
  );
}
