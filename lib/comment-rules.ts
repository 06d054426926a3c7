import { countLinks } from './comment-text';
import type { CommentSettings } from './comment-settings';

/** What a commenter submitted, plus where it came from. */
export type CommentFields = { name: string; email: string; url: string; body: string; ip: string; userAgent: string };

/** Why a comment was held for moderation or sent to spam. */
export type HoldReason =
  | { rule: 'disallowed-word'; word: string }
  | { rule: 'moderation-word'; word: string }
  | { rule: 'links'; count: number }
  | { rule: 'manual-approval' }
  | { rule: 'honeypot' }
  | { rule: 'too-fast'; seconds: number }
  /** Brought over from WordPress still awaiting moderation there (server/wordpress-import.ts). */
  | { rule: 'imported'; from: string }
  /** Sent to spam by a moderator's ban; `ban` is its why-held text as it stood (lib/bans.ts `whyHeld`). */
  | { rule: 'banned'; banId: number; ban: string };

export type Decision = { status: 'approved' | 'pending' | 'spam'; reason: HoldReason | null };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A new comment's status, decided the way WordPress does (check_comment + the disallowed keys),
 * with bot checks first. The first rule that applies wins:
 * honeypot / too fast (spam), disallowed word (spam), too many links (pending), moderation word
 * (pending), previously approved commenter (approved), manual approval (pending), else approved.
 */
export function decideStatus(
  fields: CommentFields,
  settings: CommentSettings,
  context: { hasApprovedComment: boolean; bot: { honeypotFilled: boolean; secondsToFill: number | null } },
): Decision {
  const { bot } = context;
  if (bot.honeypotFilled) return { status: 'spam', reason: { rule: 'honeypot' } };
  if (bot.secondsToFill !== null && bot.secondsToFill < settings.minFillSeconds) {
    return { status: 'spam', reason: { rule: 'too-fast', seconds: bot.secondsToFill } };
  }

  const disallowed = findListedWord(settings.disallowedWords, fields);
  if (disallowed !== null) return { status: 'spam', reason: { rule: 'disallowed-word', word: disallowed } };

  if (settings.linkThreshold > 0) {
    const count = countLinks(fields.body) + (fields.url.trim() !== '' ? 1 : 0);
    if (count >= settings.linkThreshold) return { status: 'pending', reason: { rule: 'links', count } };
  }

  const moderation = findListedWord(settings.moderationWords, fields);
  if (moderation !== null) return { status: 'pending', reason: { rule: 'moderation-word', word: moderation } };

  if (settings.approvePreviouslyApproved && context.hasApprovedComment) return { status: 'approved', reason: null };
  if (settings.manualApproval) return { status: 'pending', reason: { rule: 'manual-approval' } };
  return { status: 'approved', reason: null };
}

/** Short English for moderators. */
export function describeReason(reason: HoldReason): string {
  switch (reason.rule) {
    case 'disallowed-word':
      return `Contains the disallowed word "${reason.word}"`;
    case 'moderation-word':
      return `Contains the moderation word "${reason.word}"`;
    case 'links':
      return `Has ${reason.count} ${reason.count === 1 ? 'link' : 'links'}`;
    case 'manual-approval':
      return 'Comments must be manually approved';
    case 'honeypot':
      return 'Honeypot field was filled (bot)';
    case 'too-fast':
      return `Posted ${formatSeconds(reason.seconds)} s after the form was shown (bot)`;
    case 'imported':
      return `Imported as pending from ${reason.from}`;
    case 'banned':
      return reason.ban;
  }
}

/**
 * The first listed word (as written in the list, trimmed) found case-insensitively, as a plain substring,
 * in any of the fields; blank entries are skipped. Null if none.
 */
export function findListedWord(words: string[], fields: CommentFields): string | null {
  const haystacks = [fields.name, fields.email, fields.url, fields.body, fields.ip, fields.userAgent].map((field) =>
    field.toLowerCase(),
  );
  for (const word of words) {
    const trimmed = word.trim();
    if (trimmed === '') continue;
    const needle = trimmed.toLowerCase();
    if (haystacks.some((haystack) => haystack.includes(needle))) return trimmed;
  }
  return null;
}

/**
 * Comments are closed when the article has them turned off, is unpublished, or was published at
 * least `closeAfterDays` days before `now`.
 */
export function commentsAreClosed(
  article: { commentsOpen: boolean; publishedAt: Date | null },
  settings: Pick<CommentSettings, 'closeAfterDays'>,
  now: Date,
): boolean {
  if (!article.commentsOpen || article.publishedAt === null) return true;
  const published = article.publishedAt.getTime();
  if (Number.isNaN(published)) return true;
  if (settings.closeAfterDays === null) return false;
  return now.getTime() >= published + settings.closeAfterDays * DAY_MS;
}

/** The depth of a new reply to a comment at `parentDepth` (top level = 1), capped at `threadDepth`. */
export function replyDepth(parentDepth: number, threadDepth: number): number {
  return Math.max(1, Math.min(parentDepth + 1, threadDepth));
}

function formatSeconds(seconds: number): string {
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1);
}
