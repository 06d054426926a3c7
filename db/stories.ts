/**
 * The newsroom desk's view of stories: every status, never cached (the desk renders per request),
 * who changed each last. Readers' queries, which see published stories only, are in ./articles.ts.
 */
import 'server-only';
import { and, asc, count, desc, eq, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { withBylines } from './articles';
import { db } from './client';
import { escapeLike, likeIgnoringCase } from './like';
import type { ArticleStatus } from '../lib/story-status';
import { logRows } from './log-rows';
import { publishedAtAfter, slugFromHeadline } from '../lib/story-form';
import { type StoryFields, type StoryPhoto, storyFields } from '../lib/story-revision';
import { articleAuthors, articles, articleTags, authors, moderationLog, sections, storyCorrections, storyRedirects, storyRevisions, tags as tagTable, users } from './schema';
import { all, get, lock, run, transact, type Tx } from './transact';

export const DESK_PAGE_SIZE = 50;

export type DeskStoryFilter = {
  status?: ArticleStatus;
  sectionId?: number;
  authorId?: number;
  /** Words in the headline. */
  q?: string;
  /** An author's own desk: only this byline's stories, whatever the other filters say. */
  ownAuthorId?: number;
};

const updater = alias(users, 'updater');


/** Stories that carry this byline, among others or alone. */
const bylinedBy = (authorId: number) =>
  sql`${articles.id} in (select ${articleAuthors.articleId} from ${articleAuthors} where ${articleAuthors.authorId} = ${authorId})`;

function headlineContains(text: string) {
  return likeIgnoringCase(articles.headline, `%${escapeLike(text)}%`);
}

function whereOf(filter: DeskStoryFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    filter.status ? eq(articles.status, filter.status) : undefined,
    filter.sectionId ? eq(articles.sectionId, filter.sectionId) : undefined,
    filter.authorId ? bylinedBy(filter.authorId) : undefined,
    filter.ownAuthorId !== undefined ? bylinedBy(filter.ownAuthorId) : undefined,
    filter.q ? headlineContains(filter.q) : undefined,
  ];
  return and(...conditions);
}

export function deskStoriesQuery(filter: DeskStoryFilter, page: number) {
  return db
    .select({
      id: articles.id,
      slug: articles.slug,
      headline: articles.headline,
      status: articles.status,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      sectionSlug: sections.slug,
      sectionName: sections.name,
      updatedByName: updater.name,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(updater, eq(updater.id, articles.updatedBy))
    .where(whereOf(filter))
    // Never-changed, never-published stories last on both engines (PostgreSQL puts NULLs first when descending).
    .orderBy(sql`coalesce(${articles.updatedAt}, ${articles.publishedAt}) desc nulls last`, desc(articles.id))
    .limit(DESK_PAGE_SIZE)
    .offset((page - 1) * DESK_PAGE_SIZE);
}

/** One page of the desk's story list, newest change first, and how many stories match in all. */
export async function listDeskStories(filter: DeskStoryFilter, page: number) {
  const rows = await withBylines(await deskStoriesQuery(filter, page));
  const [total] = await db.select({ n: count() }).from(articles).where(whereOf(filter));
  return { rows, total: total?.n ?? 0 };
}

/** The sections and bylines the desk's filters offer. */
export async function deskFilterChoices() {
  return {
    sections: await db.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.name)),
    authors: await db.select({ id: authors.id, name: authors.name }).from(authors).orderBy(asc(authors.name)),
  };
}

/** Everything the story form shows, and who changed the story last. */
export async function getDeskStory(id: number): Promise<DeskStory | null> {
  const queries = deskStoryQueries(db, id);
  const [row] = await queries.row;
  return row ? deskStory(row, await queries.topics, await queries.authorIds) : null;
}

export type DeskStory = {
  id: number;
  slug: string;
  headline: string;
  standfirst: string;
  body: string;
  status: ArticleStatus;
  sectionId: number;
  sectionSlug: string;
  /** Its bylines, in the order printed. */
  authorIds: number[];
  featured: boolean;
  commentsOpen: boolean;
  publishedAt: Date | null;
  updatedAt: Date | null;
  updatedByName: string | null;
  /** Its topics' names, in the order they were given. */
  topics: string[];
  /** Its topics' addresses, for the pages a change refreshes. */
  topicSlugs: string[];
} & StoryPhoto;

/** What the form saves; the status is decided by the caller's rules (lib/story-form.ts). */
export type StoryWrite = StoryFields & {
  /** The time chosen for a scheduled story. */
  scheduledFor: Date | null;
};

/** A story's version as the form carries it: the time of its last change (0 for one never changed on the desk). */
export const versionOf = (story: { updatedAt: Date | null }) => story.updatedAt?.getTime() ?? 0;

export type SaveResult =
  | { kind: 'saved'; id: number; before: DeskStory | null; after: DeskStory }
  | { kind: 'conflict'; by: string | null; at: Date | null }
  | { kind: 'slug-taken'; redirect: boolean }
  | { kind: 'not-found' };

/**
 * Creates a story (id null) or saves over one, with its revision and log row, in one transaction
 * (db/transact.ts). A save over a version other than the one the form was opened on is refused with who
 * changed it and when: nothing is silently overwritten. A story that has been public and changes its
 * address keeps the old one as a redirect; an address another story has, or had, is refused.
 * `kind` is `restore` when the values are an older revision brought back.
 */
export async function saveStory(
  id: number | null,
  expectedVersion: number,
  values: StoryWrite,
  actor: { id: number; name: string },
  kind: 'save' | 'restore' = 'save',
): Promise<SaveResult> {
  return transact(db, function* (tx) {
    // What SQLite's IMMEDIATE transaction gives, on PostgreSQL: saves check addresses and topics one
    // at a time, and the version check holds against a correction or the schedule (`story:<id>`).
    yield* lock('story-saves');
    if (id !== null) yield* lock(`story:${id}`);
    const before = id === null ? null : yield* getDeskStoryIn(tx, id);
    if (id !== null && !before) return { kind: 'not-found' } as const;
    if (before && versionOf(before) !== expectedVersion) return { kind: 'conflict', by: before.updatedByName, at: before.updatedAt } as const;
    const others = (column: typeof articles.id | typeof storyRedirects.articleId) => (id === null ? undefined : ne(column, id));
    const [clash] = yield* all(tx.select({ id: articles.id }).from(articles).where(and(eq(articles.slug, values.slug), others(articles.id))));
    if (clash) return { kind: 'slug-taken', redirect: false } as const;
    const [formerly] = yield* all(
      tx
        .select({ id: storyRedirects.articleId })
        .from(storyRedirects)
        .where(and(eq(storyRedirects.slug, values.slug), others(storyRedirects.articleId))),
    );
    if (formerly) return { kind: 'slug-taken', redirect: true } as const;
    // Strictly after the previous version, even within one millisecond, so the version always moves.
    const now = new Date(Math.max(Date.now(), before ? versionOf(before) + 1 : 0));
    const { scheduledFor, topics, authorIds, ...fields } = values;
    const publishedAt = publishedAtAfter(values.status, before, scheduledFor, now);
    const row = { ...fields, publishedAt, updatedAt: now, updatedBy: actor.id };
    let savedId = id;
    if (id === null) savedId = (yield* all(tx.insert(articles).values(row).returning({ id: articles.id })))[0]!.id;
    else yield* run(tx.update(articles).set(row).where(eq(articles.id, id)));
    yield* setTopics(tx, savedId!, topics);
    yield* setBylines(tx, savedId!, authorIds);
    if (before && before.slug !== values.slug && (before.status === 'published' || before.status === 'unpublished')) {
      yield* run(
        tx
          .insert(storyRedirects)
          .values({ slug: before.slug, articleId: savedId!, createdAt: now })
          .onConflictDoUpdate({ target: storyRedirects.slug, set: { articleId: savedId!, createdAt: now } }),
      );
    }
    // Back at an address it once had: that address is the story's own again, not a redirect.
    yield* run(tx.delete(storyRedirects).where(eq(storyRedirects.slug, values.slug)));
    // A story from before revisions (seeded, imported) keeps the text it had as its first revision.
    if (before && !(yield* all(tx.select({ id: storyRevisions.id }).from(storyRevisions).where(eq(storyRevisions.articleId, before.id)).limit(1))).length) {
      const then = before.updatedAt ?? before.publishedAt ?? new Date(now.getTime() - 1);
      yield* run(
        tx.insert(storyRevisions).values({ articleId: before.id, kind: 'save', userId: null, userName: before.updatedByName ?? 'before the desk', fields: storyFields(before), createdAt: then }),
      );
    }
    const after = (yield* getDeskStoryIn(tx, savedId!))!;
    const [revision] = yield* all(
      tx
        .insert(storyRevisions)
        .values({ articleId: savedId!, kind, userId: actor.id, userName: actor.name, fields: storyFields(after), createdAt: now })
        .returning({ id: storyRevisions.id }),
    );
    // What this writer had typed and not saved is saved now.
    yield* run(tx.delete(storyRevisions).where(and(eq(storyRevisions.articleId, savedId!), eq(storyRevisions.kind, 'autosave'), eq(storyRevisions.userId, actor.id))));
    const action = id === null ? 'story.create' : kind === 'restore' ? 'story.restore' : before!.status !== after.status ? `story.${after.status}` : 'story.save';
    yield* run(
      tx
        .insert(moderationLog)
        .values(logRows([{ actor, action, targetType: 'story', targetId: savedId, before: before && logged(before), after: { ...logged(after), revision: revision!.id } }], now)),
    );
    return { kind: 'saved', id: savedId!, before, after } as const;
  });
}

/**
 * What the log keeps of a version: every field but the body, which the story's revisions keep (the
 * log names the revision a save made), and the publication time.
 */
function logged(story: DeskStory) {
  const { body, ...fields } = storyFields(story);
  return { ...fields, bodyLength: body.length, publishedAt: story.publishedAt?.toISOString() ?? null };
}

/** The form's columns, and who changed the story last. */
const deskStoryColumns = {
  id: articles.id,
  slug: articles.slug,
  headline: articles.headline,
  standfirst: articles.standfirst,
  body: articles.body,
  status: articles.status,
  sectionId: articles.sectionId,
  sectionSlug: sections.slug,
  featured: articles.featured,
  commentsOpen: articles.commentsOpen,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
  updatedByName: updater.name,
  photoSrc: articles.photoSrc,
  photoWidth: articles.photoWidth,
  photoHeight: articles.photoHeight,
  photoAlt: articles.photoAlt,
  photoCaption: articles.photoCaption,
  photoCredit: articles.photoCredit,
};

/** The form's reads (the story and who changed it last, its topics, its bylines): awaited outside a transaction, yielded inside one. */
function deskStoryQueries(tx: Tx | typeof db, id: number) {
  return {
    row: tx
      .select(deskStoryColumns)
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .leftJoin(updater, eq(updater.id, articles.updatedBy))
      .where(eq(articles.id, id)),
    topics: tx
      .select({ name: tagTable.name, slug: tagTable.slug })
      .from(articleTags)
      .innerJoin(tagTable, eq(tagTable.id, articleTags.tagId))
      .where(eq(articleTags.articleId, id))
      .orderBy(asc(articleTags.position), asc(tagTable.name)),
    authorIds: tx
      .select({ id: articleAuthors.authorId })
      .from(articleAuthors)
      .where(eq(articleAuthors.articleId, id))
      .orderBy(asc(articleAuthors.position), asc(articleAuthors.authorId)),
  };
}

type DeskStoryQueries = ReturnType<typeof deskStoryQueries>;
type DeskStoryRows = { [K in keyof DeskStoryQueries]: Awaited<DeskStoryQueries[K]> };

function deskStory(row: DeskStoryRows['row'][number], topics: DeskStoryRows['topics'], bylines: DeskStoryRows['authorIds']): DeskStory {
  return { ...row, authorIds: bylines.map((byline) => byline.id), topics: topics.map((topic) => topic.name), topicSlugs: topics.map((topic) => topic.slug) };
}

/** The story as the form shows it, inside a transaction's body. */
function* getDeskStoryIn(tx: Tx, id: number) {
  const queries = deskStoryQueries(tx, id);
  const [row] = yield* all(queries.row);
  return row ? deskStory(row, yield* all(queries.topics), yield* all(queries.authorIds)) : null;
}

/** Gives a story exactly these bylines, in this order. */
function* setBylines(tx: Tx, articleId: number, authorIds: number[]) {
  const current = yield* all(tx.select({ id: articleAuthors.authorId }).from(articleAuthors).where(eq(articleAuthors.articleId, articleId)).orderBy(asc(articleAuthors.position)));
  // Unchanged (most saves): left alone, so search does not index the story again for nothing.
  if (current.map((row) => row.id).join(',') === authorIds.join(',')) return;
  yield* run(tx.delete(articleAuthors).where(eq(articleAuthors.articleId, articleId)));
  yield* run(tx.insert(articleAuthors).values(authorIds.map((authorId, position) => ({ articleId, authorId, position }))));
}

/**
 * Gives a story exactly these topics, in this order: each name is the existing topic with the same
 * address, or a new topic.
 */
function* setTopics(tx: Tx, articleId: number, names: string[]) {
  yield* run(tx.delete(articleTags).where(eq(articleTags.articleId, articleId)));
  for (const [position, name] of names.entries()) {
    const slug = slugFromHeadline(name);
    const existing = yield* get(tx.select({ id: tagTable.id }).from(tagTable).where(eq(tagTable.slug, slug)));
    const tagId = existing?.id ?? (yield* all(tx.insert(tagTable).values({ slug, name }).returning({ id: tagTable.id })))[0]!.id;
    yield* run(tx.insert(articleTags).values({ articleId, tagId, position }));
  }
}

/** Every topic's name, for the form to suggest. */
export async function listTopicNames() {
  const rows = await db.select({ name: tagTable.name }).from(tagTable).orderBy(asc(tagTable.name));
  return rows.map((row) => row.name);
}

export type CorrectionResult = { kind: 'added'; before: DeskStory; after: DeskStory } | { kind: 'not-published' } | { kind: 'not-found' };

/**
 * Adds a correction note to a published story, in one transaction with the story's updated time
 * (readers see when it changed) and its log row.
 */
export async function addCorrection(articleId: number, text: string, actor: { id: number; name: string }): Promise<CorrectionResult> {
  return transact(db, function* (tx) {
    yield* lock(`story:${articleId}`);
    const before = yield* getDeskStoryIn(tx, articleId);
    if (!before) return { kind: 'not-found' } as const;
    if (before.status !== 'published') return { kind: 'not-published' } as const;
    const now = new Date(Math.max(Date.now(), versionOf(before) + 1));
    const [correction] = yield* all(tx.insert(storyCorrections).values({ articleId, text, createdAt: now, createdBy: actor.id }).returning({ id: storyCorrections.id }));
    yield* run(tx.update(articles).set({ updatedAt: now, updatedBy: actor.id }).where(eq(articles.id, articleId)));
    yield* run(
      tx
        .insert(moderationLog)
        .values(logRows([{ actor, action: 'story.correction', targetType: 'story', targetId: articleId, before: null, after: { correction: correction!.id, text } }], now)),
    );
    return { kind: 'added', before, after: (yield* getDeskStoryIn(tx, articleId))! } as const;
  });
}

/** A story's correction notes, oldest first, for the desk. */
export async function listCorrections(articleId: number) {
  return db
    .select({ id: storyCorrections.id, text: storyCorrections.text, createdAt: storyCorrections.createdAt, byName: users.name })
    .from(storyCorrections)
    .leftJoin(users, eq(users.id, storyCorrections.createdBy))
    .where(eq(storyCorrections.articleId, articleId))
    .orderBy(asc(storyCorrections.createdAt), asc(storyCorrections.id));
}

/** A story's saved revisions, newest first (autosaves are each writer's own and listed apart). */
export async function listRevisions(articleId: number) {
  return db
    .select({ id: storyRevisions.id, kind: storyRevisions.kind, userId: storyRevisions.userId, userName: storyRevisions.userName, createdAt: storyRevisions.createdAt })
    .from(storyRevisions)
    .where(and(eq(storyRevisions.articleId, articleId), ne(storyRevisions.kind, 'autosave')))
    .orderBy(desc(storyRevisions.createdAt), desc(storyRevisions.id));
}

/** One revision of a story, with every field it kept. */
export async function getRevision(articleId: number, revisionId: number) {
  const [row] = await db
    .select()
    .from(storyRevisions)
    .where(and(eq(storyRevisions.id, revisionId), eq(storyRevisions.articleId, articleId)));
  return row ?? null;
}

/** This writer's text typed since the story's last save and not saved, if any (their autosave). */
export async function findAutosave(articleId: number, userId: number, since: Date | null) {
  const [row] = await db
    .select({ id: storyRevisions.id, createdAt: storyRevisions.createdAt, fields: storyRevisions.fields })
    .from(storyRevisions)
    .where(and(eq(storyRevisions.articleId, articleId), eq(storyRevisions.kind, 'autosave'), eq(storyRevisions.userId, userId)));
  return row && (!since || row.createdAt > since) ? row : null;
}

/** Keeps what a writer has typed as their autosave of the story, replacing their previous one; the story itself is unchanged. */
export async function writeAutosave(articleId: number, fields: StoryFields, actor: { id: number; name: string }) {
  const now = new Date();
  await transact(db, function* (tx) {
    // One autosave per writer and story, also when two of their tabs write at once (PostgreSQL).
    yield* lock(`autosave:${articleId}:${actor.id}`);
    yield* run(tx.delete(storyRevisions).where(and(eq(storyRevisions.articleId, articleId), eq(storyRevisions.kind, 'autosave'), eq(storyRevisions.userId, actor.id))));
    yield* run(tx.insert(storyRevisions).values({ articleId, kind: 'autosave', userId: actor.id, userName: actor.name, fields, createdAt: now }));
  });
  return now;
}
