import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db, preparedOnce } from '../client';
import { settings } from '../schema';

/** Read on every comment post: prepared once (db/client.ts). */
const settingRow = preparedOnce(db, (database) =>
  database.select({ value: settings.value }).from(settings).where(eq(settings.key, sql.placeholder('key'))).prepare(),
);

/** A setting's stored value on SQLite, or undefined. */
export function readSettingOnSqlite(key: string): unknown {
  return settingRow().get({ key })?.value;
}
