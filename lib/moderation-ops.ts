import type { CommentStatus } from './comment-status';

/** What a moderator can do to a comment, as WordPress names it. */
export const moderationOps = ['approve', 'unapprove', 'spam', 'notspam', 'trash', 'restore', 'delete', 'dismiss', 'feature', 'unfeature'] as const;
export type ModerationOp = (typeof moderationOps)[number];

export const opLabels: Record<ModerationOp, string> = {
  approve: 'Approve',
  unapprove: 'Unapprove',
  spam: 'Spam',
  notspam: 'Not spam',
  trash: 'Trash',
  restore: 'Restore',
  delete: 'Delete permanently',
  dismiss: 'Dismiss reports',
  feature: 'Feature',
  unfeature: 'Unfeature',
};

/** The past tense for "3 comments approved." */
export const opDone: Record<ModerationOp, string> = {
  approve: 'approved',
  unapprove: 'unapproved',
  spam: 'marked as spam',
  notspam: 'restored from spam',
  trash: 'moved to the Trash',
  restore: 'restored from the Trash',
  delete: 'deleted permanently',
  dismiss: 'cleared of reports',
  feature: 'featured in Editors’ picks',
  unfeature: 'taken out of Editors’ picks',
};

/** The row buttons each queue offers (Reply and Edit are links beside them). */
export const opsForQueue: Record<CommentStatus | 'reported', ModerationOp[]> = {
  pending: ['approve', 'spam', 'trash'],
  // An approved comment shows Feature or Unfeature, whichever applies (opsForRow); the bulk bar both.
  approved: ['unapprove', 'spam', 'trash', 'feature', 'unfeature'],
  spam: ['notspam', 'delete'],
  trash: ['restore', 'delete'],
  reported: ['dismiss', 'unapprove', 'spam', 'trash'],
};

/** A row's buttons: its queue's, less the one of Feature and Unfeature that does not apply to it. */
export function opsForRow(ops: readonly ModerationOp[], row: { featured: boolean }): ModerationOp[] {
  return ops.filter((op) => op !== (row.featured ? 'feature' : 'unfeature'));
}

/** The keyboard shortcut that presses a row's button. */
export const opKeys: Partial<Record<ModerationOp, string>> = { approve: 'a', spam: 's', trash: 't' };

/** The status an op sets directly (notspam and restore go back to what the comment was before). */
export const opStatus: Partial<Record<ModerationOp, CommentStatus>> = {
  approve: 'approved',
  unapprove: 'pending',
  spam: 'spam',
  trash: 'trash',
};

/** `approve:12` from a row's button, or null. */
export function parseRowIntent(intent: string): { op: ModerationOp; id: number } | null {
  const match = /^([a-z]+):(\d{1,12})$/.exec(intent);
  if (!match || !(moderationOps as readonly string[]).includes(match[1]!)) return null;
  return { op: match[1] as ModerationOp, id: Number(match[2]) };
}

export function describeDone(op: ModerationOp, n: number): string {
  return `${n} ${n === 1 ? 'comment' : 'comments'} ${opDone[op]}.`;
}
