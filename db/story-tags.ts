/**
 * The cache tags of every page that shows a story, for a change to it: what `storyChanged` updates
 * after a save on the desk (db/invalidate.ts) and what the schedule expires when it publishes
 * (db/schedule.ts). Not 'server-only': the schedule runs outside any request.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from './client';
import { articleTags, authors, sections, tags as tagTable } from './schema';
import { tags } from './tags';

/** Where a story shows: enough to find the pages a change to it touches. */
export type StoryPlace = { id: number; slug: string; status: string; sectionId: number; authorIds: number[]; featured: boolean };

type Reader = Pick<Db, 'select'>;

/**
 * Its page (under every address it had in `places`), every card of it (cards carry their story's tag),
 * search and the sitemaps; when it enters or leaves lists (`moved`), also the latest (home, feeds),
 * its sections', authors' and topics' pages, before and after.
 */
export function storyPageTags(database: Reader, places: StoryPlace[], moved: boolean): string[] {
  const changed = new Set<string>([tags.storyText]);
  for (const place of places) changed.add(tags.article(place.id)).add(tags.articleSlug(place.slug));
  if (!moved || places.length === 0) return [...changed];
  const sectionIds = [...new Set(places.map((place) => place.sectionId))];
  const authorIds = [...new Set(places.flatMap((place) => place.authorIds))];
  const articleIds = [...new Set(places.map((place) => place.id))];
  changed.add(tags.latest);
  for (const { slug } of database.select({ slug: sections.slug }).from(sections).where(inArray(sections.id, sectionIds)).all()) changed.add(tags.section(slug));
  for (const { slug } of database.select({ slug: authors.slug }).from(authors).where(inArray(authors.id, authorIds)).all()) changed.add(tags.author(slug));
  const topics = database
    .select({ slug: tagTable.slug })
    .from(articleTags)
    .innerJoin(tagTable, eq(tagTable.id, articleTags.tagId))
    .where(inArray(articleTags.articleId, articleIds))
    .all();
  for (const { slug } of topics) changed.add(tags.tag(slug));
  return [...changed];
}
