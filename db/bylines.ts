/**
 * The newsroom desk's bylines (author profiles): their names, addresses, short bios and photos, as
 * editors keep them. Readers' reads of them are in ./articles.ts.
 */
import 'server-only';
import { and, asc, count, eq, ne } from 'drizzle-orm';
import { db } from './client';
import { logRows } from './log-rows';
import { articleAuthors, authorRedirects, authors, moderationLog } from './schema';
import { all, lock, run, transact } from './transact';

/** Every byline, with how many stories carry it. */
export async function listBylines() {
  return db
    .select({ id: authors.id, slug: authors.slug, name: authors.name, bio: authors.bio, photoSrc: authors.photoSrc, stories: count(articleAuthors.articleId) })
    .from(authors)
    .leftJoin(articleAuthors, eq(articleAuthors.authorId, authors.id))
    .groupBy(authors.id)
    .orderBy(asc(authors.name));
}

export async function getByline(id: number) {
  const [row] = await db.select({ id: authors.id, slug: authors.slug, name: authors.name, bio: authors.bio, photoSrc: authors.photoSrc }).from(authors).where(eq(authors.id, id));
  return row ?? null;
}

export type BylineValues = { name: string; slug: string; bio: string; photoSrc: string | null };

export type BylineSave =
  | { kind: 'saved'; id: number; slugs: string[]; storyIds: number[] }
  | { kind: 'slug-taken'; redirect: boolean }
  | { kind: 'not-found' };

/**
 * Creates a byline (id null) or saves one (name, address, bio, photo), with its log row, in one
 * transaction; returns its addresses before and after and the stories that carry it. A changed
 * address keeps the old one answering with a redirect; an address another byline has, or had, is refused.
 */
export async function saveByline(id: number | null, values: BylineValues, actor: { id: number; name: string }): Promise<BylineSave> {
  return transact(db, function* (tx) {
    // Addresses are checked across bylines and their redirects: one save at a time on PostgreSQL too.
    yield* lock('byline-saves');
    const [before] = id === null ? [null] : yield* all(tx.select({ slug: authors.slug, name: authors.name, bio: authors.bio, photoSrc: authors.photoSrc }).from(authors).where(eq(authors.id, id)));
    if (before === undefined) return { kind: 'not-found' } as const;
    const others = (column: typeof authors.id | typeof authorRedirects.authorId) => (id === null ? undefined : ne(column, id));
    if ((yield* all(tx.select({ id: authors.id }).from(authors).where(and(eq(authors.slug, values.slug), others(authors.id))))).length) return { kind: 'slug-taken', redirect: false } as const;
    if ((yield* all(tx.select({ id: authorRedirects.authorId }).from(authorRedirects).where(and(eq(authorRedirects.slug, values.slug), others(authorRedirects.authorId))))).length) {
      return { kind: 'slug-taken', redirect: true } as const;
    }
    const now = new Date();
    const savedId = id ?? (yield* all(tx.insert(authors).values(values).returning({ id: authors.id })))[0]!.id;
    if (id !== null) yield* run(tx.update(authors).set(values).where(eq(authors.id, id)));
    if (before && before.slug !== values.slug) {
      yield* run(tx.insert(authorRedirects).values({ slug: before.slug, authorId: savedId, createdAt: now }).onConflictDoUpdate({ target: authorRedirects.slug, set: { authorId: savedId, createdAt: now } }));
    }
    // Back at an address it once had: its own again, not a redirect.
    yield* run(tx.delete(authorRedirects).where(eq(authorRedirects.slug, values.slug)));
    yield* run(
      tx.insert(moderationLog).values(logRows([{ actor, action: id === null ? 'byline.create' : 'byline.save', targetType: 'byline', targetId: savedId, before, after: values }], now)),
    );
    const storyIds = (yield* all(tx.select({ id: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.authorId, savedId)))).map((row) => row.id);
    return { kind: 'saved', id: savedId, slugs: [...new Set([before?.slug ?? values.slug, values.slug])], storyIds } as const;
  });
}
