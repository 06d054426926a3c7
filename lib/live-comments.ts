/**
 * Live new comments (docs/site.md#comments): what a story's open pages poll, and how often. Pure, for
 * the route handler (app/api/comments/[articleId]/live/route.ts) and the client (live-comments.tsx).
 */

/** A story's approved comments as its open pages see them: how many, and the newest one's id. */
export type LiveCount = { count: number; newestId: number | null };

/** The address a story's open pages poll. */
export const liveCommentsPath = (articleId: number) => `/api/comments/${articleId}/live`;

/** Everything the answer holds, so two answers with the same tag are the same bytes. */
export function liveEtag({ count, newestId }: LiveCount): string {
  return `"${count}-${newestId ?? 0}"`;
}

/**
 * Whether an If-None-Match header names this entity tag (RFC 9110 13.1.2: a list, `*`, and weak
 * comparison, so a `W/` that a proxy added still matches).
 */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/** How many comments were approved since the page was rendered with `shown` of them (none when it fell). */
export function newSince(shown: number, latest: LiveCount | null): number {
  return latest ? Math.max(0, latest.count - shown) : 0;
}

export function newCommentsLabel(n: number): string {
  return `${n} new ${n === 1 ? 'comment' : 'comments'}`;
}

/** Polling pace, in ms: every 30 s while answers come (docs/performance.md#live-new-comments says why not faster); slower the longer nothing changes, and after failures. */
export const pollTiming = {
  base: 30_000,
  /** Each unchanged answer stretches the wait by this factor, up to `quietMax`. */
  quietFactor: 1.25,
  quietMax: 120_000,
  /** Each failure (network, 5xx, 429, an answer slower than `slowAnswerMs`) doubles the wait, up to `failureMax`. */
  failureMax: 300_000,
  /** ± this share, so readers who opened the page together do not poll together. */
  jitter: 0.2,
} as const;

/** An answer slower than this counts as a failure for the pace: a busy server gets fewer polls. */
export const slowAnswerMs = 2_000;

/**
 * The wait before the next poll. `unchanged` counts answers in a row that brought nothing new,
 * `failures` failed polls in a row; `random` is in [0, 1) (Math.random in the browser).
 */
export function nextPollDelay({ unchanged, failures }: { unchanged: number; failures: number }, random: number): number {
  const { base, quietFactor, quietMax, failureMax, jitter } = pollTiming;
  const wait = failures > 0 ? Math.min(failureMax, base * 2 ** failures) : Math.min(quietMax, base * quietFactor ** unchanged);
  return Math.round(wait * (1 - jitter + 2 * jitter * random));
}
