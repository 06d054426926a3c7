'use client';

import { useActionState } from 'react';
import { JsFlag } from '@/components/js-flag';
import { type OwnEditState, reviseOwnCommentForm } from './actions';

/** A commenter's own comment, to change or delete: the error beside the text, the text kept. */
export function OwnCommentForm({ commentId, initial, answered, backHref }: { commentId: number; initial: string; answered: OwnEditState | null; backHref: string }) {
  const [state, formAction, pending] = useActionState<OwnEditState, FormData>(reviseOwnCommentForm, answered ?? { status: 'idle' });
  const invalid = state.status === 'invalid';
  return (
    <form action={formAction} className="desk-text-form own-comment-form">
      <input type="hidden" name="commentId" value={commentId} />
      <JsFlag />
      <p className="comment-field">
        <label htmlFor="body">Your comment</label>
        <textarea
          id="body"
          name="body"
          rows={8}
          maxLength={5000}
          defaultValue={invalid ? state.body : initial}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? 'body-error' : undefined}
        />
        {invalid ? (
          <span id="body-error" className="field-error" role="alert">
            {state.message}
          </span>
        ) : null}
      </p>
      <p className="form-submit">
        <button type="submit" name="intent" value="save" className="primary" disabled={pending}>
          Save changes
        </button>{' '}
        <button type="submit" name="intent" value="delete" className="danger" disabled={pending}>
          Delete comment
        </button>{' '}
        <a href={backHref}>Cancel</a>
      </p>
    </form>
  );
}
