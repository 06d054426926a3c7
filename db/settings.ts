import 'server-only';
import { eq } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { CommentSettings } from '@/lib/comment-settings';
import { db, type Db, isPostgres } from './client';
import { settings } from './schema';
import { readSettingOnSqlite } from './sqlite/settings';
import { tags } from './tags';
import { get, lock, run, transact, type TransactionBody, type Tx } from './transact';

const COMMENTS_KEY = 'comments';

const commentSettingsQuery = (database: Pick<Db, 'select'>) => database.select({ value: settings.value }).from(settings).where(eq(settings.key, COMMENTS_KEY));

function parseCommentSettings(value: unknown): CommentSettings {
  const parsed = CommentSettings.safeParse(value ?? {});
  return parsed.success ? parsed.data : CommentSettings.parse({});
}

/** The comment rules in force now, read fresh inside a transaction body (db/transact.ts). */
export function* readCommentSettingsIn(tx: Tx): TransactionBody<CommentSettings> {
  const row = yield* get(commentSettingsQuery(tx));
  return parseCommentSettings(row?.value);
}

/** The comment rules in force now, read fresh (for deciding a new comment's fate). */
export async function readCommentSettings(): Promise<CommentSettings> {
  if (isPostgres(db)) {
    const [row] = await commentSettingsQuery(db);
    return parseCommentSettings(row?.value);
  }
  return parseCommentSettings(readSettingOnSqlite(COMMENTS_KEY));
}

/** The same, cached for rendering pages; saving settings updates the tag. */
export async function getCommentSettings(): Promise<CommentSettings> {
  'use cache';
  cacheTag(tags.settings);
  cacheLife('content');
  return readCommentSettings();
}

function upsertCommentSettings(database: Pick<Db, 'insert'>, value: CommentSettings) {
  return database
    .insert(settings)
    .values({ key: COMMENTS_KEY, value, updatedAt: new Date() })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

export async function saveCommentSettings(value: CommentSettings) {
  await upsertCommentSettings(db, value);
}

/** Saves new comment settings and returns the ones they replace (for the log), read and written together. */
export async function replaceCommentSettings(value: CommentSettings): Promise<CommentSettings> {
  return transact(db, function* (tx) {
    yield* lock('settings:comments');
    const before = yield* readCommentSettingsIn(tx);
    yield* run(upsertCommentSettings(tx, value));
    return before;
  });
}
