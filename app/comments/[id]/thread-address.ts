import 'server-only';
import { findCommentLocation, listApprovedComments, listOwnPendingComments } from '@/db/comments';
import { getCommentSettings } from '@/db/settings';
import { buildThread, pageOfComment } from '@/lib/thread';

/**
 * Where a comment is read: its story's address, with the page of the thread holding it and its
 * anchor (`/news/my-story?cpage=2#comment-12`). A held comment has one only for the browser that
 * wrote it (`ownIds`, its pending cookie); anything else not public has none.
 */
export async function threadAddress(id: number, ownIds: number[]): Promise<string | null> {
  const location = await findCommentLocation(id);
  const visible = location && (location.status === 'approved' || (location.status === 'pending' && ownIds.includes(location.id)));
  if (!location || !visible) return null;
  const settings = await getCommentSettings();
  const shown = [...(await listApprovedComments(location.articleId)), ...(await listOwnPendingComments(location.articleId, ownIds))];
  const page = pageOfComment(buildThread(shown, settings.threadDepth), settings.commentsPerPage, location.id) ?? 1;
  return `/${location.sectionSlug}/${location.slug}${page > 1 ? `?cpage=${page}` : ''}#comment-${location.id}`;
}
