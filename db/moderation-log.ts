import 'server-only';
import { count, desc } from 'drizzle-orm';
import { db } from './client';
import { type LogEntry, logRows } from './log-rows';
import { moderationLog } from './schema';

export type { LogActor, LogEntry } from './log-rows';

/** Appends to the audit log. There is no update or delete of log rows anywhere in the app. */
export function logModeration(entry: LogEntry) {
  db.insert(moderationLog).values(logRows([entry], new Date())).run();
}

export const LOG_PAGE_SIZE = 50;

export function listLog(page: number) {
  const rows = db
    .select()
    .from(moderationLog)
    .orderBy(desc(moderationLog.createdAt), desc(moderationLog.id))
    .limit(LOG_PAGE_SIZE)
    .offset((page - 1) * LOG_PAGE_SIZE)
    .all();
  const [{ total } = { total: 0 }] = db.select({ total: count() }).from(moderationLog).all();
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / LOG_PAGE_SIZE)) };
}
