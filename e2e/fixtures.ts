import { test as base, expect } from '@playwright/test';
import { openDatabase, type Db } from '../db/client';
import { articles, articleTags, authors, sections, tags } from '../db/schema';
import { e2eDatabasePath } from './env';

/** The lead story of the sample content that `npm start` seeds into an empty database. */
export const leadStory = {
  path: '/news/trump-putin-call-ukraine-negotiations',
  headlinePattern: /Trump|Putin/,
};

type Fixtures = { db: Db };

export const test = base.extend<{}, Fixtures>({
  db: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const database = openDatabase(e2eDatabasePath);
      await use(database);
      database.$client.close();
    },
    { scope: 'worker' },
  ],
});

export { expect };

export function uniqueSlug(prefix: string) {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * Makes a section, an author and a tag of its own with `count` published stories (newest first by
 * number: story 1 is the newest), so each test can check listings without depending on the others.
 */
export function makeDesk(database: Db, count: number, { tagEvery = 2 } = {}) {
  const sectionSlug = uniqueSlug('desk');
  const authorSlug = uniqueSlug('writer');
  const tagSlug = uniqueSlug('topic');
  return database.transaction((tx) => {
    const [section] = tx
      .insert(sections)
      .values({ slug: sectionSlug, name: `Desk ${sectionSlug.slice(-8)}`, description: 'A section made by a test.' })
      .returning()
      .all();
    const [author] = tx
      .insert(authors)
      .values({ slug: authorSlug, name: `Writer ${authorSlug.slice(-8)}`, bio: 'Writes for the tests.' })
      .returning()
      .all();
    const [tag] = tx.insert(tags).values({ slug: tagSlug, name: `Topic ${tagSlug.slice(-8)}` }).returning().all();
    const now = Date.now();
    const stories = [];
    for (let i = 1; i <= count; i++) {
      const [row] = tx
        .insert(articles)
        .values({
          slug: `${sectionSlug}-story-${i}`,
          sectionId: section!.id,
          authorId: author!.id,
          headline: `Test story ${i} of ${sectionSlug}`,
          standfirst: `Standfirst of story ${i}.`,
          body: `## A subheading\n\nParagraph of story ${i}.`,
          status: 'published',
          publishedAt: new Date(now - i * 60_000),
        })
        .returning()
        .all();
      if (i % tagEvery === 0) tx.insert(articleTags).values({ articleId: row!.id, tagId: tag!.id }).run();
      stories.push(row!);
    }
    return { section: section!, author: author!, tag: tag!, stories };
  });
}
