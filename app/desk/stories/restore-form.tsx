'use client';

import { useActionState } from 'react';
import { type DeskFormState, restoreRevisionForm } from './actions';
import { FormError } from '@/components/form-error';

/** Makes a revision the story's current version; a refusal says why, with or without JavaScript. */
export function RestoreForm({ storyId, revisionId, version, answerAt, published }: { storyId: number; revisionId: number; version: number; answerAt: string; published: boolean }) {
  const [state, formAction, pending] = useActionState<DeskFormState, FormData>(restoreRevisionForm, { status: 'idle' }, answerAt);
  return (
    <form action={formAction} className="restore-form">
      <input type="hidden" name="storyId" value={storyId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="version" value={version} />
      <FormError message={state.status === 'invalid' ? state.message : null} />
      <p className="form-submit">
        <button type="submit" disabled={pending}>
          Restore this revision
        </button>{' '}
        <span className="field-hint">
          {published ? 'Readers see the restored text at once; ' : ''}the current version stays in the revisions.
        </span>
      </p>
    </form>
  );
}
