import slugify from '@sindresorhus/slugify';
import { count } from 'drizzle-orm';
import type { Db } from './client';
import { articles, articleTags, authors, comments, sections, settings as settingsTable, tags } from './schema';
import * as content from './seed-content';
import type { SeedArticle } from './seed-types';

/** True when the database holds no content yet (a fresh file, or one that was only migrated). */
export function isEmpty(database: Db): boolean {
  const [row] = database.select({ n: count() }).from(sections).all();
  return (row?.n ?? 0) === 0;
}

/** Sample readers' comments on the lead story, so the conversation under it is not empty. */
const sampleComments = [
  {
    authorName: 'Helen Okafor',
    authorEmail: 'helen.okafor@example.com',
    authorUrl: '',
    body: 'The line-up tells you a lot: a secretary of state, a spy chief and a property developer turned envoy. Three very different ideas of how a deal gets done.',
  },
  {
    authorName: 'Tomasz Wiśniewski',
    authorEmail: 'tomasz.w@example.com',
    authorUrl: 'https://example.com/tomasz',
    body: 'Talks about Ukraine that begin without Ukraine in the room should worry everyone in Europe, not only Kyiv.\n\nI hope the Munich conference this week pushes back on that.',
  },
  {
    authorName: 'Dan Mercer',
    authorEmail: 'dan.mercer@example.com',
    authorUrl: '',
    body: 'Oil dipping on the news is the most honest reaction in the whole story.',
  },
];

/** Writes the sample site: sections, authors, tags, stories (one a draft) and a few comments. */
export function seed(database: Db) {
  database.transaction((tx) => {
    const sectionIds = new Map<string, number>();
    content.sections.forEach((section, position) => {
      const [row] = tx
        .insert(sections)
        .values({ ...section, position })
        .returning({ id: sections.id })
        .all();
      sectionIds.set(section.slug, row!.id);
    });

    const authorIds = new Map<string, number>();
    for (const author of content.authors) {
      const [row] = tx.insert(authors).values(author).returning({ id: authors.id }).all();
      authorIds.set(author.slug, row!.id);
    }

    const tagIds = new Map<string, number>();
    const tagId = (name: string) => {
      const slug = slugify(name);
      let id = tagIds.get(slug);
      if (id === undefined) {
        const [row] = tx.insert(tags).values({ slug, name }).returning({ id: tags.id }).all();
        id = row!.id;
        tagIds.set(slug, id);
      }
      return id;
    };

    let leadId: number | undefined;
    for (const article of content.articles) {
      const [row] = tx
        .insert(articles)
        .values(articleRow(article, sectionIds, authorIds))
        .returning({ id: articles.id })
        .all();
      const id = row!.id;
      if (article.featured && leadId === undefined) leadId = id;
      for (const name of article.tags) tx.insert(articleTags).values({ articleId: id, tagId: tagId(name) }).run();
    }

    if (leadId !== undefined) {
      const start = Date.parse('2025-02-13T10:05:00Z');
      sampleComments.forEach((comment, i) => {
        tx.insert(comments)
          .values({
            ...comment,
            articleId: leadId!,
            status: 'approved',
            createdAt: new Date(start + i * 47 * 60_000),
          })
          .run();
      });
    }
  });
}

function articleRow(article: SeedArticle, sectionIds: Map<string, number>, authorIds: Map<string, number>) {
  const sectionId = sectionIds.get(article.section);
  const authorId = authorIds.get(article.author);
  if (sectionId === undefined || authorId === undefined) {
    throw new Error(`Sample story ${article.slug} names an unknown section or author`);
  }
  return {
    slug: article.slug,
    sectionId,
    authorId,
    headline: article.headline,
    standfirst: article.standfirst,
    body: article.body,
    status: article.status,
    featured: article.featured ?? false,
    publishedAt: new Date(article.publishedAt),
    updatedAt: article.updatedAt ? new Date(article.updatedAt) : null,
    photoSrc: article.photo.src,
    photoWidth: article.photo.width,
    photoHeight: article.photo.height,
    photoAlt: article.photo.alt,
    photoCaption: article.photo.caption,
    photoCredit: article.photo.credit,
  };
}

/** Removes all content (not users or settings), for `npm run db:seed -- --force`. */
export function clearContent(database: Db) {
  database.transaction((tx) => {
    tx.delete(comments).run();
    tx.delete(articleTags).run();
    tx.delete(articles).run();
    tx.delete(tags).run();
    tx.delete(authors).run();
    tx.delete(sections).run();
  });
}

/** Writes comment settings directly (the end-to-end server uses it to turn off the fill-time check). */
export function writeCommentSettings(database: Db, value: Record<string, unknown>) {
  database
    .insert(settingsTable)
    .values({ key: 'comments', value })
    .onConflictDoUpdate({ target: settingsTable.key, set: { value } })
    .run();
}
