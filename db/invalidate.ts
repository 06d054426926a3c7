import 'server-only';
import { updateTag } from 'next/cache';
import { after } from 'next/server';
import { edgeRefreshUrl, refreshAtEdge } from '@/lib/edge-refresh';
import { findArticleForComment } from './articles';
import { tags } from './tags';

/**
 * A story's visible thread changed (a comment approved, unapproved, trashed, restored, edited or
 * added by staff): its pages are re-rendered at the next request, and nothing else is. With
 * EDGE_REFRESH_URL set, the story's page is also fetched afresh into nginx's cache once the
 * moderator has their answer (lib/edge-refresh.ts).
 */
export function commentsChanged(articleIds: Iterable<number>) {
  const ids = [...new Set(articleIds)];
  for (const id of ids) updateTag(tags.comments(id));
  if (ids.length === 0 || !edgeRefreshUrl()) return;
  after(async () => {
    const paths = ids.flatMap((id) => {
      const story = findArticleForComment(id);
      return story ? [`/${story.sectionSlug}/${story.slug}`] : [];
    });
    await refreshAtEdge(paths);
  });
}
