import { sign, verify } from './signing';

import { OWN_VIEW_COOKIE } from './comment-cookie-names';

export { OWN_COOKIE, OWN_VIEW_COOKIE, PENDING_COOKIE, POSTED_FLASH, SAVED_DETAILS_COOKIES } from './comment-cookie-names';

/** How long a browser remembers its comments awaiting moderation (seconds). */
export const PENDING_MAX_AGE = 30 * 24 * 60 * 60;

/**
 * The per-reader view's marker for one story (OWN_VIEW_COOKIE), as `cookies().set` takes it: on the
 * story's path alone, for as long as a held comment is remembered.
 */
export function ownViewCookie(storyPath: string, secure: boolean) {
  return { name: OWN_VIEW_COOKIE, value: '1', path: storyPath, sameSite: 'lax' as const, secure, httpOnly: true, maxAge: PENDING_MAX_AGE };
}

/** The same marker, expired: set it to make the browser forget the marker on that story. */
export function forgottenOwnViewCookie(storyPath: string, secure: boolean) {
  return { ...ownViewCookie(storyPath, secure), value: '', maxAge: 0 };
}

/**
 * The ids of this browser's comments on a story that are shown to it alone: held, or approved and
 * still editable. Once there are none (its comments were decided, the edit window passed), the
 * story's per-reader view shows what everyone's page does and its marker can go.
 */
export function ownShownIds(pendingHere: readonly { id: number }[], approvedHere: readonly { id: number }[], editable: readonly number[]): number[] {
  const ids = new Set(editable);
  return [...pendingHere.map((comment) => comment.id), ...approvedHere.filter((comment) => ids.has(comment.id)).map((comment) => comment.id)];
}

const PENDING_PURPOSE = 'pending-comments';
const MAX_PENDING = 20;

export function readPendingIds(cookie: string | undefined): number[] {
  const value = verify(cookie, PENDING_PURPOSE);
  if (!value) return [];
  return value
    .split(',')
    .map(Number)
    .filter((id) => Number.isSafeInteger(id) && id > 0);
}

export function writePendingIds(ids: number[]): string {
  return sign([...new Set(ids)].slice(-MAX_PENDING).join(','), PENDING_PURPOSE);
}

const OWN_PURPOSE = 'own-comments';
const MAX_OWN = 10;

/** A comment this browser posted, and when (milliseconds): what the edit window is counted from. */
export type OwnComment = { id: number; at: number };

export function readOwnComments(cookie: string | undefined): OwnComment[] {
  const value = verify(cookie, OWN_PURPOSE);
  if (!value) return [];
  return value.split(',').flatMap((entry) => {
    const [id, at] = entry.split(':').map(Number);
    return Number.isSafeInteger(id) && id! > 0 && Number.isSafeInteger(at) && at! > 0 ? [{ id: id!, at: at! }] : [];
  });
}

export function writeOwnComments(comments: OwnComment[]): string {
  const latest = new Map(comments.map((comment) => [comment.id, comment]));
  return sign([...latest.values()].slice(-MAX_OWN).map(({ id, at }) => `${id}:${at}`).join(','), OWN_PURPOSE);
}

/** The ids among them still inside an edit window of `minutes` at `now`. */
export function editableIds(comments: OwnComment[], minutes: number, now: Date): number[] {
  return comments.filter((comment) => now.getTime() < comment.at + minutes * 60_000).map((comment) => comment.id);
}

const FORM_PURPOSE = 'comment-form';

/** A signed "the form was shown at" time, so the server can tell a bot's instant post. */
export function issueFormToken(now: Date): string {
  return sign(String(now.getTime()), FORM_PURPOSE);
}

/** Seconds since the token was issued; 0 for a missing or forged token (treated as a bot). */
export function secondsSinceIssued(token: string | undefined | null, now: Date): number {
  const issued = Number(verify(token, FORM_PURPOSE));
  if (!Number.isFinite(issued) || issued <= 0) return 0;
  return Math.max(0, (now.getTime() - issued) / 1000);
}
