'use client';

import { useActionState, useId } from 'react';
import { CORRECTION_MAX } from '@/lib/story-form';
import { addCorrectionForm, type DeskFormState } from './actions';

/** Adds a correction note to a published story; a refusal keeps the typed text, with or without JavaScript. */
export function CorrectionForm({ storyId, answerAt }: { storyId: number; answerAt: string }) {
  const [state, formAction, pending] = useActionState<DeskFormState, FormData>(addCorrectionForm, { status: 'idle' }, answerAt);
  const id = useId();
  const invalid = state.status === 'invalid';
  return (
    <form action={formAction} className="story-correction-form" key={invalid ? state.attempt : 0}>
      <input type="hidden" name="storyId" value={storyId} />
      <p className="comment-field">
        <label htmlFor={`${id}-text`}>Add a correction</label>
        <textarea
          id={`${id}-text`}
          name="text"
          rows={3}
          maxLength={CORRECTION_MAX + 100}
          defaultValue={invalid ? state.text : ''}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
        />
        <span id={`${id}-hint`} className="field-hint">
          What was wrong and what is right, as readers will read it, e.g. “An earlier version of this story gave the vote as 312; it was 321.”
        </span>
        {invalid ? (
          <span id={`${id}-error`} className="field-error" role="alert">
            {state.message}
          </span>
        ) : null}
      </p>
      <p className="form-submit">
        <button type="submit" disabled={pending}>
          Add correction
        </button>
      </p>
    </form>
  );
}
