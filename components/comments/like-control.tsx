'use client';

import { useActionState, useEffect, useSyncExternalStore } from 'react';
import type { CommentOrder } from '@/lib/comment-order';
import { type LikeCommentState, likeMessages } from '@/lib/like-messages';
import { likedBefore, rememberLiked, subscribeLiked } from './liked-store';

const idle: LikeCommentState = { status: 'idle' };
const noop = () => () => undefined;

/**
 * "Like · 3" under an approved comment: a form that posts without JavaScript (the action redirects
 * back to the comment) and answers in place with it, showing the count at once while the answer is on
 * its way and the count the answer gives after. The thread's count comes from the cached page, so it
 * may be a few seconds behind; the liker's own answer never is. A comment this browser liked before
 * shows pressed after a reload too (liked-store.ts). The action is handed in (`likeComment`) rather than
 * imported from the route, as ReportControl's is.
 */
export function LikeControl({
  action,
  commentId,
  authorName,
  likes,
  order,
  page,
}: {
  action: (state: LikeCommentState, data: FormData) => Promise<LikeCommentState>;
  commentId: number;
  authorName: string;
  likes: number;
  order: CommentOrder;
  page: number;
}) {
  const [state, formAction, sending] = useActionState(action, idle);
  // Once React runs the form sends `js=1`, so the action answers here instead of redirecting.
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  // Pressed from the first render in the browser when this browser liked it before (the server's
  // render, and the page without JavaScript, cannot know).
  const remembered = useSyncExternalStore(
    subscribeLiked,
    () => likedBefore(commentId),
    () => false,
  );
  const answeredLiked = state.status === 'liked' || state.status === 'already';
  useEffect(() => {
    if (answeredLiked) rememberLiked(commentId);
  }, [answeredLiked, commentId]);
  const liked = answeredLiked || remembered;
  // A comment this browser liked has at least that like, whatever the cached thread says yet.
  const answered = 'likes' in state ? state.likes : remembered ? Math.max(likes, 1) : likes;
  // While the first like is on its way, count it (optimistically); the answer then says what counted.
  const shown = sending && state.status === 'idle' && !remembered ? answered + 1 : answered;
  const pressed = liked || (sending && state.status === 'idle');
  const message = state.status === 'already' ? likeMessages.already : state.status === 'refused' || state.status === 'invalid' ? state.message : '';

  return (
    <form action={formAction} className="like-form">
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="corder" value={order} />
      <input type="hidden" name="cpage" value={page} />
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}
      <button
        type="submit"
        className="like-button"
        aria-pressed={pressed}
        aria-label={`${pressed ? 'Liked' : 'Like'} comment by ${authorName}, ${shown} ${shown === 1 ? 'like' : 'likes'}`}
        disabled={sending}
      >
        {pressed ? 'Liked' : 'Like'} · {shown}
      </button>
      <span className={state.status === 'refused' || state.status === 'invalid' ? 'like-status is-error' : 'like-status'} role="status">
        {message}
      </span>
    </form>
  );
}
