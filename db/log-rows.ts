/**
 * Log rows as the moderation_log table stores them, for writers that insert them inside their own
 * transaction (a decision and its log are one write). No 'server-only': db/privacy.ts, which the
 * scripts use, logs an erasure this way.
 */
import { moderationLog } from './schema';

export type LogActor = { id: number; name: string } | null;

export type LogEntry = {
  actor: LogActor;
  action: string;
  targetType: 'comment' | 'commenter' | 'settings' | 'user' | 'report' | 'story' | 'byline' | 'section' | 'ban';
  targetId?: number | null;
  before?: unknown;
  after?: unknown;
};

export function logRows(entries: LogEntry[], now: Date): (typeof moderationLog.$inferInsert)[] {
  return entries.map((entry) => ({
    actorId: entry.actor?.id ?? null,
    actorName: entry.actor?.name ?? 'System',
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    createdAt: now,
  }));
}
