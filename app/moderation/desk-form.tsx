'use client';

import { type ReactNode, useActionState, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Notice } from '@/lib/notice';
import { type ModerateState, moderateComments, undoModeration } from './actions';

const idle: ModerateState = { status: 'idle' };
const at = (state: ModerateState) => (state.status === 'idle' ? 0 : state.at);
const noop = () => () => undefined;

/**
 * The desk's single form around the queue (rows are server-rendered children), with the outcome of
 * the last action, its Undo, and the keyboard: j/k move, a/s/t press the focused row's Approve,
 * Spam or Trash, u undoes, ? shows the keys. Without JavaScript the same form posts normally.
 */
export function DeskForm({ children, notice, returnTo }: { children: ReactNode; notice: Notice | null; returnTo: string }) {
  const [state, action, pending] = useActionState(moderateComments, idle);
  const [undoState, undoAction, undoing] = useActionState(undoModeration, idle);
  const fromUrl: ModerateState = notice
    ? notice.kind === 'done'
      ? { status: 'done', message: notice.message, undo: notice.undo, at: notice.at }
      : { status: 'refused', message: notice.message, at: notice.at }
    : idle;
  const shown = [state, undoState, fromUrl].reduce((a, b) => (at(b) > at(a) ? b : a));
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const hidden = (
    <>
      <input type="hidden" name="returnTo" value={returnTo} />
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}
    </>
  );
  const [help, setHelp] = useState(false);
  const current = useRef(0);
  const formRef = useRef<HTMLFormElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const rows = () => Array.from(formRef.current?.querySelectorAll<HTMLElement>('tr[data-comment-row]') ?? []);
    const focusRow = (index: number) => {
      const list = rows();
      if (list.length === 0) return;
      current.current = Math.max(0, Math.min(index, list.length - 1));
      list[current.current]!.focus();
    };
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.metaKey || event.ctrlKey || event.altKey || target.closest('input, textarea, select, [contenteditable]')) return;
      const focused = target.closest<HTMLElement>('tr[data-comment-row]');
      if (focused) current.current = rows().indexOf(focused);
      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        focusRow(current.current + (event.key === 'j' ? 1 : -1));
      } else if (event.key === 'a' || event.key === 's' || event.key === 't') {
        const row = rows()[current.current];
        const button = row?.querySelector<HTMLButtonElement>(`button[data-key="${event.key}"]`);
        if (button) {
          event.preventDefault();
          button.click();
        }
      } else if (event.key === 'u') {
        if (undoRef.current) {
          event.preventDefault();
          undoRef.current.click();
        }
      } else if (event.key === '?') {
        event.preventDefault();
        setHelp((open) => !open);
      } else if (event.key === 'Escape') {
        setHelp(false);
      }
    };
    document.addEventListener('keydown', onKey);
    // After a row leaves the queue, keep the keyboard on the row that took its place.
    const observer = new MutationObserver(() => {
      if (document.activeElement === document.body || !document.activeElement?.isConnected) focusRow(current.current);
    });
    if (formRef.current) observer.observe(formRef.current, { childList: true, subtree: true });
    return () => {
      document.removeEventListener('keydown', onKey);
      observer.disconnect();
    };
  }, []);

  return (
    <>
      <div className="desk-status" role="status" aria-live="polite">
        {shown.status !== 'idle' ? <p className={shown.status === 'refused' ? 'form-error' : 'form-notice'}>{shown.message}</p> : null}
        {shown.status === 'done' && shown.undo.length ? (
          <form action={undoAction}>
            <input type="hidden" name="undo" value={JSON.stringify(shown.undo)} />
            {hidden}
            <button type="submit" ref={undoRef} disabled={undoing}>
              Undo
            </button>
          </form>
        ) : null}
        <p className="desk-keys-hint">
          Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>a</kbd> approve, <kbd>s</kbd> spam, <kbd>t</kbd> trash, <kbd>u</kbd> undo,{' '}
          <kbd>?</kbd> help
        </p>
      </div>
      {help ? (
        <div className="desk-help" role="dialog" aria-modal="false" aria-labelledby="desk-help-title">
          <h2 id="desk-help-title">Keyboard shortcuts</h2>
          <dl>
            <dt>j / k</dt>
            <dd>Next / previous comment</dd>
            <dt>a</dt>
            <dd>Approve the selected comment</dd>
            <dt>s</dt>
            <dd>Mark it as spam</dd>
            <dt>t</dt>
            <dd>Move it to the Trash</dd>
            <dt>u</dt>
            <dd>Undo the last action</dd>
            <dt>?</dt>
            <dd>Show or hide this help</dd>
          </dl>
          <button type="button" onClick={() => setHelp(false)}>
            Close
          </button>
        </div>
      ) : null}
      <form
        ref={formRef}
        id="desk-form"
        action={action}
        aria-busy={pending || undefined}
      >
        {hidden}
        {children}
      </form>
    </>
  );
}
