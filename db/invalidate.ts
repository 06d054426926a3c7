import 'server-only';
import { updateTag } from 'next/cache';
import { after } from 'next/server';
import { edgeRefreshUrl, refreshAtEdge } from '@/lib/edge-refresh';
import { findArticleForComment } from './articles';
import { db } from './client';
import { type StoryPlace, storyPageTags } from './story-tags';
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
    const paths: string[] = [];
    for (const id of ids) {
      const story = await findArticleForComment(id);
      if (story) paths.push(`/${story.sectionSlug}/${story.slug}`);
    }
    await refreshAtEdge(paths);
  });
}

/**
 * A story was saved on the desk. Nothing public changes while it was and stays unpublished. Once it
 * is or was published, exactly the pages that show it are re-rendered at their next request
 * (db/story-tags.ts): its page under its old and new address, its cards, search and sitemaps, and
 * when it enters or leaves lists (published or taken down, moved to another section or byline,
 * featured or not) the lists it may join or leave. An edit to one story leaves the pages of stories
 * that do not show it cached.
 */
export async function storyChanged(before: StoryChange | null, after: StoryChange) {
  if (before?.status !== 'published' && after.status !== 'published') return;
  const places = [before, after].filter((place): place is StoryChange => place !== null);
  const topicsChanged = before !== null && before.topicSlugs.join(',') !== after.topicSlugs.join(',');
  const moved =
    !before ||
    topicsChanged ||
    before.status !== after.status ||
    before.sectionId !== after.sectionId ||
    before.authorIds.join(',') !== after.authorIds.join(',') ||
    before.featured !== after.featured;
  // The topics it had are refreshed too: it leaves their pages.
  const leftTopics = moved ? (before?.topicSlugs ?? []).map((slug) => tags.tag(slug)) : [];
  for (const tag of new Set([...(await storyPageTags(db, places, moved)), ...leftTopics])) updateTag(tag);
}

/** A story as the desk saved it: where it shows, and its topics. */
type StoryChange = StoryPlace & { topicSlugs: string[] };

/**
 * A byline was saved (name, address, bio or photo): its author page and feeds under each address it
 * had in `slugs` (the old one now redirects), and every story that carries it, with every card of them
 * (cards carry their story's tag), search and the sitemaps.
 */
export function bylineChanged(slugs: readonly string[], storyIds: readonly number[]) {
  for (const tag of new Set([...slugs.map((slug) => tags.author(slug)), tags.storyText, ...storyIds.map((id) => tags.article(id))])) updateTag(tag);
}

/**
 * A section was added, renamed, described, moved in the navigation or given a new address. Every
 * page carries the masthead's navigation (`sections`, which the fronts' and their feeds' reads carry
 * too); its front under its old and new address; and when its name changed, every story in it, with
 * every card of them, search and the sitemaps, which show the name.
 */
export function sectionChanged(change: { before: { slug: string; name: string } | null; after: { slug: string; name: string }; storyIds: readonly number[] }) {
  const { before, after, storyIds } = change;
  const slugs = [...new Set([before?.slug, after.slug].filter((slug): slug is string => slug !== undefined))];
  const renamed = before !== null && before.name !== after.name;
  const named = renamed ? [tags.storyText, ...storyIds.map((id) => tags.article(id))] : [];
  for (const tag of new Set([tags.sections, ...slugs.map((slug) => tags.section(slug)), ...named])) updateTag(tag);
}
