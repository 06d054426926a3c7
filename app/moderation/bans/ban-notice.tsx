'use client';

import { useActionState, useSyncExternalStore } from 'react';
import type { Notice } from '@/lib/notice';
import { type ModerateState, undoModeration } from '../actions';

const idle: ModerateState = { status: 'idle' };
const noop = () => () => undefined;

/**
 * What the last ban action did, and the Undo of the comments a new ban sent back to Pending (the
 * desk's own undo). Without JavaScript the Undo posts and comes back here with its answer.
 */
export function BanNotice({ notice }: { notice: Notice | null }) {
  const [undone, undoAction, undoing] = useActionState(undoModeration, idle);
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const shown: ModerateState =
    undone.status !== 'idle'
      ? undone
      : notice
        ? notice.kind === 'done'
          ? { status: 'done', message: notice.message, undo: notice.undo, at: notice.at }
          : { status: 'refused', message: notice.message, at: notice.at }
        : idle;
  return (
    <div className="desk-status" role="status" aria-live="polite">
      {shown.status !== 'idle' ? <p className={shown.status === 'refused' ? 'form-error' : 'form-notice'}>{shown.message}</p> : null}
      {shown.status === 'done' && shown.undo.length ? (
        <form action={undoAction}>
          <input type="hidden" name="undo" value={JSON.stringify(shown.undo)} />
          <input type="hidden" name="returnTo" value="/moderation/bans" />
          {hydrated ? <input type="hidden" name="js" value="1" /> : null}
          <button type="submit" disabled={undoing}>
            Undo
          </button>
        </form>
      ) : null}
    </div>
  );
}
