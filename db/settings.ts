import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { CommentSettings } from '@/lib/comment-settings';
import { db, type Db, preparedOnce } from './client';
import { settings } from './schema';
import { tags } from './tags';

const COMMENTS_KEY = 'comments';

/** Read on every comment post: prepared once (db/client.ts). */
const settingRow = preparedOnce(db, (database) =>
  database.select({ value: settings.value }).from(settings).where(eq(settings.key, sql.placeholder('key'))).prepare(),
);

/**
 * The comment rules in force now, read fresh, synchronously: for a better-sqlite3 transaction's body (db/reports.ts), which must not
 * await. The prepared statement runs on the process's one connection, which is the transaction's.
 */
export function readCommentSettingsSync(): CommentSettings {
  const row = settingRow().get({ key: COMMENTS_KEY });
  const parsed = CommentSettings.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : CommentSettings.parse({});
}

/** The comment rules in force now, read fresh (for deciding a new comment's fate). */
export async function readCommentSettings(): Promise<CommentSettings> {
  return readCommentSettingsSync();
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
  return db.transaction(
    (tx) => {
      const before = readCommentSettingsSync();
      upsertCommentSettings(tx, value).run();
      return before;
    },
    { behavior: 'immediate' },
  );
}
