/**
 * Imports started from the desk (`wordpress_imports`): the upload is queued by the Import page's
 * action, claimed by exactly one process (`queued` → `running` in one UPDATE, so two app servers
 * never run it twice), which writes its progress as it goes; the page shows the latest. Not
 * 'server-only': the import's own process (scripts/import-wordpress.ts --job) writes here too.
 */
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { ImportProgress } from '../lib/wordpress/progress-text';
import type { Db } from './client';
import { users, wordpressImports } from './schema';

export type ImportJob = typeof wordpressImports.$inferSelect;

/** A running import that has written nothing for this long has stopped (its process died); one story with 200,000 comments writes within a minute. */
export const STALLED_AFTER_MS = 5 * 60_000;

export async function queueJob(database: Db, job: { fileName: string; filePath: string; dryRun: boolean; mediaFrom: string; createdBy: number }): Promise<number> {
  const now = new Date();
  const [row] = await database.insert(wordpressImports).values({ ...job, status: 'queued', createdAt: now, updatedAt: now }).returning({ id: wordpressImports.id });
  return row!.id;
}

/** Takes a queued import for this process; null when it is not queued (already taken, or no such import). */
export async function claimedJob(database: Db, id: number): Promise<(ImportJob & { actorName: string }) | null> {
  const [claimed] = await database
    .update(wordpressImports)
    .set({ status: 'running', updatedAt: new Date() })
    .where(and(eq(wordpressImports.id, id), eq(wordpressImports.status, 'queued')))
    .returning();
  if (!claimed) return null;
  const [actor] = claimed.createdBy === null ? [] : await database.select({ name: users.name }).from(users).where(eq(users.id, claimed.createdBy));
  return { ...claimed, actorName: actor?.name ?? 'Desk import' };
}

export async function writeJobProgress(database: Db, id: number, progress: ImportProgress) {
  await database.update(wordpressImports).set({ progress, updatedAt: new Date() }).where(eq(wordpressImports.id, id));
}

export async function finishJob(database: Db, id: number, end: { status: 'done' | 'failed'; summary?: string; error?: string; progress?: ImportProgress | null }) {
  const now = new Date();
  await database
    .update(wordpressImports)
    .set({ status: end.status, summary: end.summary ?? '', error: end.error ?? '', ...(end.progress ? { progress: end.progress } : {}), updatedAt: now, finishedAt: now })
    .where(eq(wordpressImports.id, id));
}

/**
 * Imports whose process never started or stopped writing: marked failed, so the page says so and a
 * new one may start.
 */
export async function failStalledJobs(database: Db, now = Date.now()) {
  const before = new Date(now - STALLED_AFTER_MS);
  await database
    .update(wordpressImports)
    .set({ status: 'failed', error: 'The import stopped without finishing (its process ended). Start it again: what was imported is kept, and it picks up from there.', finishedAt: new Date(now) })
    .where(and(eq(wordpressImports.status, 'running'), lt(wordpressImports.updatedAt, before)));
  await database
    .update(wordpressImports)
    .set({ status: 'failed', error: 'The import never started (the server could not start its process). Start it again.', finishedAt: new Date(now) })
    .where(and(eq(wordpressImports.status, 'queued'), lt(wordpressImports.updatedAt, before)));
}

export async function listJobs(database: Db, limit = 10): Promise<ImportJob[]> {
  return database.select().from(wordpressImports).orderBy(desc(wordpressImports.id)).limit(limit);
}

export async function getJob(database: Db, id: number): Promise<ImportJob | undefined> {
  const [row] = await database.select().from(wordpressImports).where(eq(wordpressImports.id, id));
  return row;
}

/** Whether an import is queued or running now: the page starts one at a time. */
export async function activeJob(database: Db): Promise<ImportJob | undefined> {
  const [row] = await database
    .select()
    .from(wordpressImports)
    .where(sql`${wordpressImports.status} in ('queued', 'running')`)
    .orderBy(desc(wordpressImports.id))
    .limit(1);
  return row;
}
