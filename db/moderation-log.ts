import 'server-only';
import { count, desc } from 'drizzle-orm';
import { db } from './client';
import { moderationLog } from './schema';

export type LogActor = { id: number; name: string } | null;

/** Appends to the audit log. There is no update or delete of log rows anywhere in the app. */
export function logModeration(entry: {
  actor: LogActor;
  action: string;
  targetType: 'comment' | 'settings' | 'user' | 'report';
  targetId?: number | null;
  before?: unknown;
  after?: unknown;
}) {
  db.insert(moderationLog)
    .values({
      actorId: entry.actor?.id ?? null,
      actorName: entry.actor?.name ?? 'System',
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      createdAt: new Date(),
    })
    .run();
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
