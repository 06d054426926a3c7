import 'server-only';
import { count, desc } from 'drizzle-orm';
import { db } from './client';
import { type LogEntry, logRows } from './log-rows';
import { moderationLog } from './schema';

export type { LogActor, LogEntry } from './log-rows';

/** Appends to the audit log. There is no update or delete of log rows anywhere in the app. */
export async function logModeration(entry: LogEntry) {
  await db.insert(moderationLog).values(logRows([entry], new Date()));
}

export const LOG_PAGE_SIZE = 50;

export async function listLog(page: number) {
  const rows = await db
    .select()
    .from(moderationLog)
    .orderBy(desc(moderationLog.createdAt), desc(moderationLog.id))
    .limit(LOG_PAGE_SIZE)
    .offset((page - 1) * LOG_PAGE_SIZE);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(moderationLog);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / LOG_PAGE_SIZE)) };
}
