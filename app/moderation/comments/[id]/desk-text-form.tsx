'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { CommentTextField } from '@/components/comment-text-field';
import { JsFlag } from '@/components/js-flag';
import type { DeskTextState } from './actions';

/** The edit and staff-reply forms: one textarea, the error beside it, the text kept. */
export function DeskTextForm({
  action,
  commentId,
  label,
  submit,
  initial,
  answered,
}: {
  action: (state: DeskTextState, data: FormData) => Promise<DeskTextState>;
  commentId: number;
  label: string;
  submit: string;
  initial: string;
  /** What a post without JavaScript was answered (lib/flash.ts). */
  answered: DeskTextState | null;
}) {
  const [state, formAction, pending] = useActionState<DeskTextState, FormData>(action, answered ?? { status: 'idle' });
  const invalid = state.status === 'invalid';
  return (
    <form action={formAction} className="desk-text-form">
      <input type="hidden" name="commentId" value={commentId} />
      <JsFlag />
      <CommentTextField label={label} value={invalid ? state.body : initial} error={invalid ? state.message : null} />
      <p className="form-submit">
        <button type="submit" className="primary" disabled={pending}>
          {submit}
        </button>{' '}
        <Link href="/moderation">Cancel</Link>
      </p>
    </form>
  );
}
