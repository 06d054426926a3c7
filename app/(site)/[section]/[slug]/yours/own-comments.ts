import 'server-only';
import { cookies } from 'next/headers';
import { listApprovedComments, listOwnPendingComments } from '@/db/comments';
import { getCommentSettings } from '@/db/settings';
import { editableIds, OWN_COOKIE, ownShownIds, PENDING_COOKIE, readOwnComments, readPendingIds } from '@/lib/comment-cookies';

/**
 * This browser's comments on one story, as its signed cookies (`bs_pending`, `bs_own`) and the
 * database tell them: the story's per-reader view and the route that follows a moved story decide
 * from this one reading (proxy.ts's check of the marker, server/own-view.ts, reads the same cookies
 * but only those comments' statuses).
 *
 * - `pending`: its comments here still awaiting moderation;
 * - `approved`: everyone's approved comments here (the thread they are shown in);
 * - `editable`: ids of its comments still inside the edit window;
 * - `shown`: ids of its comments here shown to it alone (held, or approved and still editable); none
 *   left means the view has nothing of this browser's to show and its marker can go.
 */
export async function ownCommentsOn(articleId: number) {
  const jar = await cookies();
  const pendingIds = readPendingIds(jar.get(PENDING_COOKIE)?.value);
  const own = readOwnComments(jar.get(OWN_COOKIE)?.value);
  const [settings, pending, approved] = await Promise.all([getCommentSettings(), listOwnPendingComments(articleId, pendingIds), listApprovedComments(articleId)]);
  const editable = editableIds(own, settings.editWindowMinutes, new Date());
  return { pendingIds, own, pending, approved, editable, shown: ownShownIds(pending, approved, editable) };
}
