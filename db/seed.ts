import slugify from '@sindresorhus/slugify';
import { count } from 'drizzle-orm';
import type { Db } from './client';
import { articleAuthors, articles, articleTags, authors, comments, sections, settings as settingsTable, tags } from './schema';
import { loadSampleContent, type SampleContent } from './seed-content';
import type { SeedArticle } from './seed-types';
import { all, run, transact } from './transact';

/** True when the database holds no content yet (a fresh file, or one that was only migrated). */
export async function isEmpty(database: Db): Promise<boolean> {
  const [row] = await database.select({ n: count() }).from(sections);
  return (row?.n ?? 0) === 0;
}

/** Writes the sample site of db/sample/: sections, authors, tags, stories and their sample comments. */
export async function seed(database: Db, content: SampleContent = loadSampleContent()) {
  await transact(database, function* (tx) {
    const sectionIds = new Map<string, number>();
    for (const [position, section] of content.sections.entries()) {
      const [row] = yield* all(tx.insert(sections).values({ ...section, position }).returning({ id: sections.id }));
      sectionIds.set(section.slug, row!.id);
    }

    const authorIds = new Map<string, number>();
    for (const author of content.authors) {
      const [row] = yield* all(tx.insert(authors).values(author).returning({ id: authors.id }));
      authorIds.set(author.slug, row!.id);
    }

    const tagIds = new Map<string, number>();
    function* tagId(name: string) {
      const slug = slugify(name);
      let id = tagIds.get(slug);
      if (id === undefined) {
        const [row] = yield* all(tx.insert(tags).values({ slug, name }).returning({ id: tags.id }));
        id = row!.id;
        tagIds.set(slug, id);
      }
      return id;
    }

    for (const article of content.articles) {
      const [row] = yield* all(tx.insert(articles).values(articleRow(article, sectionIds, authorIds)).returning({ id: articles.id }));
      const articleId = row!.id;
      yield* run(tx.insert(articleAuthors).values({ articleId, authorId: authorIds.get(article.author)!, position: 0 }));
      for (const name of article.tags) yield* run(tx.insert(articleTags).values({ articleId, tagId: yield* tagId(name) }));
      for (const comment of article.comments ?? []) {
        yield* run(
          tx.insert(comments).values({
            articleId,
            authorName: comment.name,
            authorEmail: comment.email,
            authorUrl: comment.url ?? '',
            body: comment.body,
            status: 'approved',
            createdAt: new Date(comment.postedAt),
          }),
        );
      }
    }
  });
}

function articleRow(article: SeedArticle, sectionIds: Map<string, number>, authorIds: Map<string, number>) {
  const sectionId = sectionIds.get(article.section);
  if (sectionId === undefined || !authorIds.has(article.author)) {
    throw new Error(`Sample story ${article.slug} names an unknown section or author`);
  }
  return {
    slug: article.slug,
    sectionId,
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
export async function clearContent(database: Db) {
  await transact(database, function* (tx) {
    for (const table of [comments, articleTags, articleAuthors, articles, tags, authors, sections]) yield* run(tx.delete(table));
  });
}

/** Writes comment settings directly (the end-to-end server uses it to turn off the fill-time check). */
export async function writeCommentSettings(database: Db, value: Record<string, unknown>) {
  await database
    .insert(settingsTable)
    .values({ key: 'comments', value })
    .onConflictDoUpdate({ target: settingsTable.key, set: { value } });
}
