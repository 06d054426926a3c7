/**
 * The cache tags of every page that shows a story, for a change to it: what `storyChanged` updates
 * after a save on the desk (db/invalidate.ts) and what the schedule expires when it publishes
 * (db/schedule.ts). Not 'server-only': the schedule runs outside any request.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from './client';
import { all, type Tx } from './transact';
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
export async function storyPageTags(database: Reader, places: StoryPlace[], moved: boolean): Promise<string[]> {
  const queries = listQueries(database, places, moved);
  if (!queries) return pageTags(places, null);
  return pageTags(places, { sections: await queries.sections, authors: await queries.authors, topics: await queries.topics });
}

/** The same as a step of a db/transact.ts body, on either engine (the schedule's and the WordPress import's). */
export function* storyPageTagsInTransaction(tx: Tx, places: StoryPlace[], moved: boolean) {
  const queries = listQueries(tx, places, moved);
  if (!queries) return pageTags(places, null);
  return pageTags(places, { sections: yield* all(queries.sections), authors: yield* all(queries.authors), topics: yield* all(queries.topics) });
}

/** The slugs of the lists the story may enter or leave; null when it does not move. */
function listQueries(database: Reader, places: StoryPlace[], moved: boolean) {
  if (!moved || places.length === 0) return null;
  const sectionIds = [...new Set(places.map((place) => place.sectionId))];
  const authorIds = [...new Set(places.flatMap((place) => place.authorIds))];
  const articleIds = [...new Set(places.map((place) => place.id))];
  return {
    sections: database.select({ slug: sections.slug }).from(sections).where(inArray(sections.id, sectionIds)),
    authors: database.select({ slug: authors.slug }).from(authors).where(inArray(authors.id, authorIds)),
    topics: database
      .select({ slug: tagTable.slug })
      .from(articleTags)
      .innerJoin(tagTable, eq(tagTable.id, articleTags.tagId))
      .where(inArray(articleTags.articleId, articleIds)),
  };
}

type Slugs = { slug: string }[];

function pageTags(places: StoryPlace[], lists: { sections: Slugs; authors: Slugs; topics: Slugs } | null): string[] {
  const changed = new Set<string>([tags.storyText]);
  for (const place of places) changed.add(tags.article(place.id)).add(tags.articleSlug(place.slug));
  if (!lists) return [...changed];
  changed.add(tags.latest);
  for (const { slug } of lists.sections) changed.add(tags.section(slug));
  for (const { slug } of lists.authors) changed.add(tags.author(slug));
  for (const { slug } of lists.topics) changed.add(tags.tag(slug));
  return [...changed];
}
