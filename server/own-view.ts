import 'server-only';
import { ownCommentStatuses } from '@/db/comments';
import { readCommentSettings } from '@/db/settings';
import { editableIds, ownShownIds, readOwnComments, readPendingIds } from '@/lib/comment-cookies';

/** A browser's signed cookies that name its own comments: `bs_pending` (held) and `bs_own` (the edit window). */
export type OwnCookies = { pending?: string; own?: string };

/**
 * Whether this browser's per-reader view of a story still shows something of its own: one of its
 * comments there still held, or approved and still inside its edit window. proxy.ts asks it for
 * every request that carries the view's marker (`bs_yours`): when nothing is left (a moderator
 * decided the comments, the edit window passed), the marker goes and the browser reads the page
 * cached for everyone, with or without JavaScript.
 *
 * It decides from the browser's signed cookies and the database, as the view itself does
 * (app/(site)/[section]/[slug]/yours/own-comments.ts), but reads only this browser's comments, by
 * primary key: no cookie ids, no read at all; the settings only when an approved comment may still
 * be in its edit window.
 */
export async function showsOwnComments(articleId: number, cookies: OwnCookies, now = new Date()): Promise<boolean> {
  const pendingIds = readPendingIds(cookies.pending);
  const own = readOwnComments(cookies.own);
  const ids = [...new Set([...pendingIds, ...own.map((comment) => comment.id)])];
  if (ids.length === 0) return false;
  const rows = await ownCommentStatuses(articleId, ids);
  const pending = rows.filter((row) => row.status === 'pending' && pendingIds.includes(row.id));
  if (pending.length > 0) return true;
  const approved = rows.filter((row) => row.status === 'approved');
  if (approved.length === 0) return false;
  const { editWindowMinutes } = await readCommentSettings();
  return ownShownIds([], approved, editableIds(own, editWindowMinutes, now)).length > 0;
}
