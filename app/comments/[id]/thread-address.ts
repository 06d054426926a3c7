import 'server-only';
import { findCommentLocation, listApprovedComments, listOwnPendingComments } from '@/db/comments';
import { getCommentSettings } from '@/db/settings';
import { editableIds, type OwnComment } from '@/lib/comment-cookies';
import { buildThread, pageOfComment } from '@/lib/thread';

export type ThreadAddress = {
  /** The story's address, with the page of the thread holding the comment and its anchor. */
  address: string;
  /** The story's own address (`/news/my-story`): where the per-reader view's marker goes. */
  storyPath: string;
  /** Whether the comment is this browser's and shown to it alone: held, or still in its edit window. */
  yours: boolean;
};

/**
 * Where a comment is read: its story's address, with the page of the thread holding it and its
 * anchor (`/news/my-story?cpage=2#comment-12`). A held comment has one only for the browser that
 * wrote it (`pendingIds`, its pending cookie); anything else not public has none. `own` (the browser's
 * own-comments cookie) says which approved comments it may still edit.
 */
export async function threadAddress(id: number, pendingIds: number[], own: OwnComment[] = []): Promise<ThreadAddress | null> {
  const location = await findCommentLocation(id);
  const held = location?.status === 'pending' && pendingIds.includes(location.id);
  if (!location || !(held || location.status === 'approved')) return null;
  const settings = await getCommentSettings();
  const shown = [...(await listApprovedComments(location.articleId)), ...(await listOwnPendingComments(location.articleId, pendingIds))];
  const page = pageOfComment(buildThread(shown, settings.threadDepth), settings.commentsPerPage, location.id) ?? 1;
  const storyPath = `/${location.sectionSlug}/${location.slug}`;
  return {
    address: `${storyPath}${page > 1 ? `?cpage=${page}` : ''}#comment-${location.id}`,
    storyPath,
    yours: held || editableIds(own, settings.editWindowMinutes, new Date()).includes(location.id),
  };
}
