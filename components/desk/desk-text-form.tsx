'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { DeskTextState } from '@/app/moderation/comments/[id]/actions';

/** The edit and staff-reply forms: one textarea, the error beside it, the text kept. */
export function DeskTextForm({
  action,
  commentId,
  label,
  submit,
  initial,
}: {
  action: (state: DeskTextState, data: FormData) => Promise<DeskTextState>;
  commentId: number;
  label: string;
  submit: string;
  initial: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const invalid = state.status === 'invalid';
  return (
    <form action={formAction} className="desk-text-form">
      <input type="hidden" name="commentId" value={commentId} />
      <p className="comment-field">
        <label htmlFor="body">{label}</label>
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
          <span id="body-error" className="field-error">
            {state.message}
          </span>
        ) : null}
      </p>
      <p className="form-submit">
        <button type="submit" className="primary" disabled={pending}>
          {submit}
        </button>{' '}
        <Link href="/moderation">Cancel</Link>
      </p>
    </form>
  );
}
