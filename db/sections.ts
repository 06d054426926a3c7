/**
 * The sections: the masthead's navigation as readers get it, and the desk's list and form, where
 * editors add, rename and order them. A section front's own read is getSectionBySlug in ./articles.ts.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, ne } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import type { SectionInput } from '@/lib/section-form';
import { site } from '@/lib/site';
import { db } from './client';
import { logRows } from './log-rows';
import { articles, moderationLog, sections } from './schema';
import { tags } from './tags';
import { all, get, lock, run, transact, type TransactionBody, type Tx } from './transact';

export type NavigationSection = { slug: string; name: string };

/**
 * The masthead's navigation: every section, in the desk's order. `next build` never opens the
 * database, so while it prerenders this is the design's default (lib/site.ts); the pages it
 * prerenders carry the `sections` tag all the same, and are rendered afresh from the database at run
 * time (docs/caching.md).
 */
export async function listNavigationSections(): Promise<readonly NavigationSection[]> {
  'use cache';
  cacheTag(tags.sections);
  cacheLife('content');
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return site.navigation;
  return db.select({ slug: sections.slug, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.id));
}

/** Every section for the desk, in the navigation's order, with how many stories (any status) it holds. */
export async function listDeskSections() {
  return db
    .select({ id: sections.id, slug: sections.slug, name: sections.name, position: sections.position, stories: count(articles.id) })
    .from(sections)
    .leftJoin(articles, eq(articles.sectionId, sections.id))
    .groupBy(sections.id)
    .orderBy(asc(sections.position), asc(sections.id));
}

/** What the form edits as text, hashed: a save carries the version it was opened on. */
export function sectionVersion(section: { name: string; slug: string; description: string }) {
  return createHash('sha256').update(JSON.stringify([section.name, section.slug, section.description])).digest('base64url').slice(0, 16);
}

/** One section as its form shows it: its place in the navigation (1 for first) and its story count. */
export async function getDeskSection(id: number) {
  const [row] = await db.select({ id: sections.id, slug: sections.slug, name: sections.name, description: sections.description }).from(sections).where(eq(sections.id, id));
  if (!row) return null;
  const place = (await orderedIdsQuery(db)).findIndex((other) => other.id === id) + 1;
  const [stories] = await db.select({ n: count() }).from(articles).where(eq(articles.sectionId, id));
  return { ...row, place, stories: stories?.n ?? 0, version: sectionVersion(row) };
}

/** How many sections there are, for the new section form's last place. */
export async function countSections() {
  const [row] = await db.select({ n: count() }).from(sections);
  return row?.n ?? 0;
}

type Actor = { id: number; name: string };

function orderedIdsQuery(database: Pick<Tx, 'select'>) {
  return database.select({ id: sections.id }).from(sections).orderBy(asc(sections.position), asc(sections.id));
}

function* orderedIds(tx: Tx) {
  return (yield* all(orderedIdsQuery(tx))).map((row) => row.id);
}

/** Puts the section at `place` (1 for first) and numbers every section 1, 2, 3… in that order. */
function* placeSection(tx: Tx, id: number, place: number) {
  const ids = (yield* orderedIds(tx)).filter((other) => other !== id);
  ids.splice(Math.min(place - 1, ids.length), 0, id);
  const positions = new Map((yield* all(tx.select({ id: sections.id, position: sections.position }).from(sections))).map((row) => [row.id, row.position]));
  for (const [index, sectionId] of ids.entries()) {
    if (positions.get(sectionId) !== index + 1) yield* run(tx.update(sections).set({ position: index + 1 }).where(eq(sections.id, sectionId)));
  }
  return ids.indexOf(id) + 1;
}

function* sectionWithSlug(tx: Tx, slug: string, exceptId: number | null) {
  const row = yield* get(
    tx
      .select({ name: sections.name })
      .from(sections)
      .where(exceptId === null ? eq(sections.slug, slug) : and(eq(sections.slug, slug), ne(sections.id, exceptId))),
  );
  return row ?? null;
}

export type SectionSave =
  | { kind: 'saved'; id: number; before: { slug: string; name: string } | null; after: { slug: string; name: string }; storyIds: number[] }
  | { kind: 'not-found' }
  | { kind: 'slug-taken'; by: string }
  | { kind: 'slug-fixed'; slug: string; stories: number }
  | { kind: 'stale'; by: string | null; at: Date | null };

/**
 * Adds a section (id null) or changes one, with its log row, in one transaction. A section's address
 * changes only while it holds no story: stories' addresses hang under it. `version` is what the form
 * was opened on; a save over a newer one is refused with who made it and when.
 */
export async function saveSection(id: number | null, input: SectionInput, version: string, actor: Actor): Promise<SectionSave> {
  return transact(db, function* (tx): TransactionBody<SectionSave> {
    // Positions are renumbered from what this transaction reads: on PostgreSQL two saves must not interleave.
    yield* lock('sections');
    const taken = yield* sectionWithSlug(tx, input.slug, id);
    const text = { name: input.name, slug: input.slug, description: input.description };
    if (id === null) {
      if (taken) return { kind: 'slug-taken', by: taken.name };
      // Last for a moment, until placeSection numbers them all: the largest 32-bit integer, which PostgreSQL's integer column holds too.
      const [row] = yield* all(tx.insert(sections).values({ ...text, position: 2_147_483_647 }).returning({ id: sections.id }));
      const position = yield* placeSection(tx, row!.id, input.position);
      yield* log(tx, actor, 'section.create', row!.id, null, { ...text, position });
      return { kind: 'saved', id: row!.id, before: null, after: text, storyIds: [] };
    }
    const before = yield* get(tx.select({ name: sections.name, slug: sections.slug, description: sections.description }).from(sections).where(eq(sections.id, id)));
    if (!before) return { kind: 'not-found' };
    if (sectionVersion(before) !== version) return { kind: 'stale', ...(yield* lastChange(tx, id)) };
    const storyIds = (yield* all(tx.select({ id: articles.id }).from(articles).where(eq(articles.sectionId, id)))).map((row) => row.id);
    if (input.slug !== before.slug && storyIds.length > 0) return { kind: 'slug-fixed', slug: before.slug, stories: storyIds.length };
    if (taken) return { kind: 'slug-taken', by: taken.name };
    const placeBefore = (yield* orderedIds(tx)).indexOf(id) + 1;
    yield* run(tx.update(sections).set(text).where(eq(sections.id, id)));
    const position = yield* placeSection(tx, id, input.position);
    yield* log(tx, actor, 'section.save', id, { ...before, position: placeBefore }, { ...text, position });
    return { kind: 'saved', id, before: { slug: before.slug, name: before.name }, after: text, storyIds };
  });
}

function* log(tx: Tx, actor: Actor, action: string, targetId: number, before: unknown, after: unknown) {
  yield* run(tx.insert(moderationLog).values(logRows([{ actor, action, targetType: 'section', targetId, before, after }], new Date())));
}

/** Who last changed a section on the desk, and when (null for one from the sample site). */
function* lastChange(tx: Tx, id: number) {
  const row = yield* get(
    tx
      .select({ by: moderationLog.actorName, at: moderationLog.createdAt })
      .from(moderationLog)
      .where(and(eq(moderationLog.targetType, 'section'), eq(moderationLog.targetId, id)))
      .orderBy(desc(moderationLog.id))
      .limit(1),
  );
  return { by: row?.by ?? null, at: row?.at ?? null };
}
