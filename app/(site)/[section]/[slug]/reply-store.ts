import { useSyncExternalStore } from 'react';

/** Which comment the reader is replying to, shared by the Reply links and the form (client only). */
export type ReplyTarget = { id: number; name: string } | null;

let target: ReplyTarget = null;
const listeners = new Set<() => void>();

export function setReplyTarget(next: ReplyTarget) {
  target = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useReplyTarget(): ReplyTarget {
  return useSyncExternalStore(
    subscribe,
    () => target,
    () => null,
  );
}
