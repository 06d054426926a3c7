import { z } from 'zod';
import { parseCommentOrder } from './comment-order';
import { likeMessages } from './like-messages';

/**
 * Likes a browser may give in an hour. Past it a like is refused (and said so): a reader liking as
 * they read a long thread stays far below it, a script liking everything does not.
 */
export const LIKES_PER_BROWSER_PER_HOUR = 60;
/**
 * Likes one address may give in an hour, whatever its browsers' ids: fresh cookies cost nothing, so
 * the address bounds what one machine can add. An office or a school behind one address shares it.
 */
export const LIKES_PER_ADDRESS_PER_HOUR = 300;
/**
 * Likes one address counts on one comment: a household behind one address can all like a comment,
 * but a script clearing its cookie cannot pile likes on it.
 */
export const LIKES_PER_ADDRESS_PER_COMMENT = 3;
export const LIKE_RATE_WINDOW_MS = 60 * 60 * 1000;

/**
 * A like refreshes its story's cached thread (stale-while-revalidate) unless the thread was refreshed
 * this recently: however many likes arrive, a story is rendered again for them at most this often.
 */
export const LIKE_REFRESH_MS = 10_000;

export type LikeWeight = 'counts' | 'same-address' | 'over-rate';

/**
 * What a browser's first like of a comment is worth: kept and counted, or neither (the browser is
 * told why). A browser over its hourly cap, or its address over its own, is refused; an address that
 * already gave the comment its share of likes adds no more.
 */
export function weighLike({
  likesFromBrowserLastHour,
  likesFromAddressLastHour,
  likesFromAddressOnComment,
}: {
  likesFromBrowserLastHour: number;
  likesFromAddressLastHour: number;
  likesFromAddressOnComment: number;
}): LikeWeight {
  if (likesFromBrowserLastHour >= LIKES_PER_BROWSER_PER_HOUR || likesFromAddressLastHour >= LIKES_PER_ADDRESS_PER_HOUR) return 'over-rate';
  return likesFromAddressOnComment >= LIKES_PER_ADDRESS_PER_COMMENT ? 'same-address' : 'counts';
}

/** Whether a like should refresh the story's cached thread, given when that was last refreshed (ms, or null: never). */
export function likeRefreshDue(lastRefreshedAt: number | null, now: number): boolean {
  return lastRefreshedAt === null || now - lastRefreshedAt >= LIKE_REFRESH_MS;
}

/** The Like form as the server receives it: which comment, and where the form was (to go back there without JavaScript). */
export const LikeInput = z.object({
  commentId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  corder: z.preprocess((value) => parseCommentOrder(typeof value === 'string' ? value : undefined) ?? 'oldest', z.enum(['oldest', 'newest', 'likes'])),
  cpage: z.preprocess((value) => value ?? '1', z.coerce.number().int().positive().max(100_000)).catch(1),
});

export type LikeInput = z.infer<typeof LikeInput>;

export function parseLikeInput(raw: Record<string, unknown>): { success: true; data: LikeInput } | { success: false; message: string } {
  const parsed = LikeInput.safeParse(raw);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, message: likeMessages.gone };
}
