import type { Db } from '../db/client';
import { articles, authors, sections } from '../db/schema';

/** For unit tests on an in-memory database: one published story (with its section and author); its id. */
export function insertTestStory(database: Db, publishedAt: Date): number {
  const [section] = database.insert(sections).values({ slug: 'news', name: 'News' }).returning().all();
  const [author] = database.insert(authors).values({ slug: 'ed', name: 'Ed' }).returning().all();
  const [article] = database
    .insert(articles)
    .values({ slug: 'story', sectionId: section!.id, authorId: author!.id, headline: 'A story', body: 'Text', status: 'published', publishedAt })
    .returning()
    .all();
  return article!.id;
}
