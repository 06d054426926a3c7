import { sign, verify } from './signing';

export { PENDING_COOKIE, SAVED_DETAILS_COOKIES } from './comment-cookie-names';

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
