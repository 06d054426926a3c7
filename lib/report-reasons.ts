/** Why a reader reports a comment; the schema's `comment_reports.reason` column takes these. */
export const reportReasons = ['spam', 'abuse', 'off-topic', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];

/**
 * What the report form offers and answers, kept free of zod and server code because the form is a
 * client component (and every byte of it is shipped with each story).
 */
export const reportReasonLabels = {
  spam: 'Spam',
  abuse: 'Abuse',
  'off-topic': 'Off-topic',
  other: 'Other',
} as const satisfies Record<ReportReason, string>;

export const REPORT_NOTE_MAX = 500;

export const reportMessages = {
  reported: 'Thank you. A moderator will look at this comment.',
  duplicate: 'You have already reported this comment.',
  reasonMissing: 'Please choose why you are reporting this comment.',
  noteLong: `Your note can be at most ${REPORT_NOTE_MAX} characters.`,
  gone: 'This comment can no longer be reported.',
} as const;

/** What the report form shows after an answer; `reportComment` returns it. */
export type ReportCommentState =
  | { status: 'idle' }
  | { status: 'reported' }
  | { status: 'duplicate' }
  | { status: 'invalid'; message: string };
