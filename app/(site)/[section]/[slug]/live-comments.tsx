'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useSyncExternalStore, useTransition } from 'react';
import { liveCommentsPath, liveEtag, type LiveCount, newCommentsLabel, newSince, nextPollDelay, slowAnswerMs } from '@/lib/live-comments';

type Props = {
  articleId: number;
  /** The approved comments the page was rendered with: only comments approved since then are new to this reader. */
  count: number;
  newestId: number | null;
};

function subscribeVisibility(onChange: () => void) {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

/** The comments in the thread on this page (not the copies in Editors' picks). */
const threadComments = () => [...document.querySelectorAll<HTMLElement>('#comments li.comment[id^="comment-"]')];

/**
 * "3 new comments — show" under the comments heading, while the story is open: polls the story's
 * count while the page is visible (at once on coming back to it), slower while nothing changes and
 * after failures (lib/live-comments.ts), and shows the new comments by refreshing the page's data in
 * place, the cached page that the approvals already refreshed. Without JavaScript: nothing.
 */
export function LiveComments({ articleId, count, newestId }: Props) {
  const router = useRouter();
  const [latest, setLatest] = useState<LiveCount | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const visible = useSyncExternalStore(subscribeVisibility, () => document.visibilityState === 'visible', () => false);
  // What the page was rendered with answers 304 until something changes.
  const etag = useRef(liveEtag({ count, newestId }));
  const polled = useRef(false);
  /** The comments on the page before "show": the first one not among them is where the reader goes. */
  const shownBefore = useRef<Set<string> | null>(null);

  useEffect(() => {
    if (!visible) return;
    let timer: number | undefined;
    let stopped = false;
    let unchanged = 0;
    let failures = 0;
    const poll = async () => {
      const started = Date.now();
      let answered = false;
      try {
        const response = await fetch(liveCommentsPath(articleId), { headers: { 'If-None-Match': etag.current }, cache: 'no-store' });
        if (response.status === 404) return; // unpublished: nothing more will come
        if (response.status === 304) {
          answered = true;
          unchanged += 1;
        } else if (response.ok) {
          answered = true;
          etag.current = response.headers.get('etag') ?? '';
          setLatest((await response.json()) as LiveCount);
          unchanged = 0;
        }
      } catch {
        // counted below
      }
      // A failure, or an answer so slow that the server is busy: fewer polls until it recovers.
      failures = answered && Date.now() - started <= slowAnswerMs ? 0 : failures + 1;
      if (!stopped) timer = window.setTimeout(() => void poll(), nextPollDelay({ unchanged, failures }, Math.random()));
    };
    // On opening the page the count is fresh; on coming back to it, perhaps not.
    timer = window.setTimeout(() => void poll(), polled.current ? 0 : nextPollDelay({ unchanged: 0, failures: 0 }, Math.random()));
    polled.current = true;
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [visible, articleId]);

  useEffect(() => {
    const before = shownBefore.current;
    if (refreshing || !before) return;
    shownBefore.current = null;
    const first = threadComments().find((element) => !before.has(element.id));
    if (first) {
      first.scrollIntoView({ block: 'center' });
      first.focus({ preventScroll: true });
    } else if (latest?.newestId) {
      // On another page of a long thread: its permalink finds it (a full load, as page links are).
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a route handler redirect, not a page
      window.location.assign(`/comments/${latest.newestId}`);
    }
  }, [refreshing, latest]);

  const fresh = newSince(count, latest);
  return (
    <div className="live-comments" role="status">
      {fresh > 0 ? (
        <button
          type="button"
          disabled={refreshing}
          onClick={() => {
            shownBefore.current = new Set(threadComments().map((element) => element.id));
            startRefresh(() => router.refresh());
          }}
        >
          {newCommentsLabel(fresh)} — show
        </button>
      ) : null}
    </div>
  );
}
