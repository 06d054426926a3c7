'use server';

import { revalidateTag, updateTag } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { insertLike, type LikeResult, likeRefreshDueFor } from '@/db/likes';
import { tags } from '@/db/tags';
import { formDataOf } from '@/lib/action-args';
import { commentsHref } from '@/lib/comment-order';
import { type LikeCommentState, likeMessages } from '@/lib/like-messages';
import { parseLikeInput } from '@/lib/likes';
import { isStorageError, storageMessage } from '@/lib/storage-errors';
import { browserId } from '@/server/browser-id';
import { clientAddress } from '@/server/client-ip';

/**
 * Receives "Like" under a comment. Anyone may like, as anyone may comment, so there is no session to
 * check: one like per browser (the random id reports use) and comment, within the browser's and the
 * address's hourly caps and the address's share of the comment (lib/likes.ts), all decided in the
 * database. With JavaScript the answer is a state the button shows in place, with the new count;
 * without it, a redirect back to the comment's place in the thread (a refusal is said in the page the
 * post renders, at the button).
 *
 * The count others see comes with the story's cached thread. A like refreshes it with
 * stale-while-revalidate, and at most once in `LIKE_REFRESH_MS` per story, so that a popular thread is
 * not rendered again for every like (docs/site.md says how far counts lag).
 */
export async function likeComment(_previous: LikeCommentState, submitted: FormData): Promise<LikeCommentState> {
  const formData = formDataOf(_previous, submitted);
  const parsed = parseLikeInput(Object.fromEntries(formData));
  if (!parsed.success) return { status: 'invalid', message: parsed.message };
  const { commentId, corder, cpage } = parsed.data;

  const liker = await browserId();
  const ip = clientAddress((await headers()).get('x-forwarded-for'));
  const now = new Date();
  let result: LikeResult;
  try {
    result = await insertLike({ commentId, liker, ip, now });
  } catch (error) {
    // The database out of reach (PostgreSQL restarting, SQLite's disk full): said at the button, never a 500.
    if (!isStorageError(error)) throw error;
    console.error(`[likes] could not store a like of comment ${commentId}: ${(error as Error).message}`);
    return { status: 'invalid', message: storageMessage };
  }
  if (result.kind === 'not-found') return { status: 'invalid', message: likeMessages.gone };
  // The like is stored: if the database drops now, the count shows at the thread's next refresh instead.
  const refresh = result.kind === 'liked' && (await likeRefreshDueFor(result.articleId, now).catch(() => false));

  const withJavaScript = formData.get('js') === '1';
  if (refresh) {
    // With JavaScript the liker already sees the count, so readers are never kept waiting for the
    // render (stale-while-revalidate); without it the liker is about to load the page, which must show it.
    if (withJavaScript) revalidateTag(tags.comments(result.articleId), 'max');
    else updateTag(tags.comments(result.articleId));
  }
  switch (result.kind) {
    case 'liked':
    case 'already':
      if (!withJavaScript) redirect(`${commentsHref(result.path, cpage, corder)}#comment-${commentId}`);
      return { status: result.kind, likes: result.likes };
    // A refusal is said where the button is, with and without JavaScript (the page the post renders).
    case 'same-address':
      return { status: 'refused', likes: result.likes, message: likeMessages.sameAddress };
    case 'over-rate':
      return { status: 'refused', likes: result.likes, message: likeMessages.overRate };
  }
}
