'use client';

import { setReplyTarget } from './reply-store';

/**
 * "Reply": without JavaScript a link to `?replytocom=ID#respond`, where the server renders the form
 * as a reply; with it, the form moves under the comment.
 */
export function ReplyLink({ href, commentId, authorName }: { href: string; commentId: number; authorName: string }) {
  return (
    <a
      className="comment-reply-link"
      href={href}
      rel="nofollow"
      aria-label={`Reply to ${authorName}`}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        setReplyTarget({ id: commentId, name: authorName });
        requestAnimationFrame(() => document.getElementById('comment')?.focus());
      }}
    >
      Reply
    </a>
  );
}
