import { z } from 'zod';

/** A list of words as a moderator types it: one per line (or comma-separated), trimmed, blanks dropped. */
const WordList = z
  .union([z.array(z.string()), z.string()])
  .transform((value) => (Array.isArray(value) ? value : value.split(/[\n,]/)))
  .transform((words) => [...new Set(words.map((w) => w.trim()).filter(Boolean))])
  .pipe(z.array(z.string().max(200)).max(1000));

/**
 * The rules that decide a new comment's fate and how threads are shown, with WordPress's defaults
 * where WordPress has one. Stored in the settings table, edited on /moderation/settings.
 */
export const CommentSettings = z.object({
  /** Hold comments from commenters without an earlier approved comment. */
  manualApproval: z.boolean().default(true),
  /** Approve at once a commenter whose email already has an approved comment. */
  approvePreviouslyApproved: z.boolean().default(true),
  /** Hold a comment with this many links or more (the Website field counts as one); 0 turns it off. */
  linkThreshold: z.coerce.number().int().min(0).max(100).default(2),
  /** Hold a comment containing any of these (case-insensitive, anywhere in any field). */
  moderationWords: WordList.default([]),
  /** Send to spam a comment containing any of these. */
  disallowedWords: WordList.default([]),
  /** Close comments this many days after publication; null keeps them open. */
  closeAfterDays: z.coerce.number().int().min(1).max(3650).nullable().default(null),
  /** Replies nest this deep; deeper replies attach at the last level. */
  threadDepth: z.coerce.number().int().min(1).max(10).default(5),
  /** Top-level comments per page of a thread. */
  commentsPerPage: z.coerce.number().int().min(5).max(500).default(50),
  /** One comment per this many seconds from the same IP or email; 0 turns it off. */
  floodIntervalSeconds: z.coerce.number().int().min(0).max(3600).default(15),
  /** A comment shorter-lived than this in the browser (from form shown to post) is taken for a bot. */
  minFillSeconds: z.coerce.number().int().min(0).max(60).default(3),
  /** Reader reports that send an approved comment back to Pending. */
  reportThreshold: z.coerce.number().int().min(1).max(100).default(3),
  /** A commenter may edit or delete their comment this many minutes after posting, from the same browser; 0 turns it off. */
  editWindowMinutes: z.coerce.number().int().min(0).max(1440).default(10),
  /** Email moderators when a comment is held for moderation (WordPress's "Email me whenever"); only when the site sends mail. */
  emailOnHeld: z.boolean().default(false),
  /** Email moderators when readers' reports send a comment back to Pending. */
  emailOnReported: z.boolean().default(false),
});

export type CommentSettings = z.infer<typeof CommentSettings>;

export const defaultCommentSettings: CommentSettings = CommentSettings.parse({});
