'use client';

import { useActionState } from 'react';
import { CommentTextField } from '@/components/comment-text-field';
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
      <CommentTextField label="Your comment" value={invalid ? state.body : initial} error={invalid ? state.message : null} />
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
