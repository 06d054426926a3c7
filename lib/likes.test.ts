import { describe, expect, it } from 'vitest';
import { commentsHref, parseCommentOrder } from './comment-order';
import {
  LIKE_REFRESH_MS,
  LIKES_PER_ADDRESS_PER_COMMENT,
  LIKES_PER_ADDRESS_PER_HOUR,
  LIKES_PER_BROWSER_PER_HOUR,
  likeRefreshDue,
  parseLikeInput,
  weighLike,
} from './likes';

const fresh = { likesFromBrowserLastHour: 0, likesFromAddressLastHour: 0, likesFromAddressOnComment: 0 };

describe('weighLike', () => {
  it('counts a like from a browser and address under their caps', () => {
    expect(weighLike(fresh)).toBe('counts');
    expect(weighLike({ likesFromBrowserLastHour: LIKES_PER_BROWSER_PER_HOUR - 1, likesFromAddressLastHour: LIKES_PER_ADDRESS_PER_HOUR - 1, likesFromAddressOnComment: LIKES_PER_ADDRESS_PER_COMMENT - 1 })).toBe('counts');
  });

  it('refuses a browser, or an address, at its hourly cap', () => {
    expect(weighLike({ ...fresh, likesFromBrowserLastHour: LIKES_PER_BROWSER_PER_HOUR })).toBe('over-rate');
    expect(weighLike({ ...fresh, likesFromAddressLastHour: LIKES_PER_ADDRESS_PER_HOUR })).toBe('over-rate');
  });

  it('counts no more likes of one comment from one address than its share, whatever the cookies', () => {
    expect(weighLike({ ...fresh, likesFromAddressOnComment: LIKES_PER_ADDRESS_PER_COMMENT })).toBe('same-address');
    // Over the rate is said first: it is what the browser can wait out.
    expect(weighLike({ ...fresh, likesFromBrowserLastHour: LIKES_PER_BROWSER_PER_HOUR, likesFromAddressOnComment: 9 })).toBe('over-rate');
  });
});

describe('likeRefreshDue', () => {
  it('refreshes a thread never refreshed, or not for the interval, and not one refreshed just now', () => {
    expect(likeRefreshDue(null, 1_000_000)).toBe(true);
    expect(likeRefreshDue(1_000_000 - LIKE_REFRESH_MS, 1_000_000)).toBe(true);
    expect(likeRefreshDue(1_000_000 - LIKE_REFRESH_MS + 1, 1_000_000)).toBe(false);
    // A clock behind another server's: a refresh "in the future" is recent.
    expect(likeRefreshDue(1_000_500, 1_000_000)).toBe(false);
  });
});

describe('parseLikeInput', () => {
  it('takes the comment and where the form was', () => {
    expect(parseLikeInput({ commentId: '12', corder: 'likes', cpage: '3' })).toEqual({ success: true, data: { commentId: 12, corder: 'likes', cpage: 3 } });
    expect(parseLikeInput({ commentId: '12' })).toEqual({ success: true, data: { commentId: 12, corder: 'oldest', cpage: 1 } });
  });

  it('falls back to the first page oldest first for a mangled place, and refuses a mangled comment', () => {
    expect(parseLikeInput({ commentId: '12', corder: '<script>', cpage: '-1' })).toEqual({ success: true, data: { commentId: 12, corder: 'oldest', cpage: 1 } });
    for (const commentId of [undefined, '', 'x', '0', '-3', '1.5', '1e400']) {
      expect(parseLikeInput({ commentId })).toEqual({ success: false, message: 'This comment can no longer be liked.' });
    }
  });
});

describe('comment order', () => {
  it('reads the order from a query value or segment, unknown as null', () => {
    expect(parseCommentOrder(undefined)).toBe('oldest');
    expect(parseCommentOrder('')).toBe('oldest');
    expect(parseCommentOrder('newest')).toBe('newest');
    expect(parseCommentOrder('likes')).toBe('likes');
    expect(parseCommentOrder('LIKES')).toBeNull();
    expect(parseCommentOrder('constructor')).toBeNull();
  });

  it('keeps today’s addresses for oldest first, and adds the order to the others', () => {
    expect(commentsHref('/news/story', 1, 'oldest')).toBe('/news/story');
    expect(commentsHref('/news/story', 2, 'oldest')).toBe('/news/story?cpage=2');
    expect(commentsHref('/news/story', 1, 'newest')).toBe('/news/story?corder=newest');
    expect(commentsHref('/news/story', 3, 'likes')).toBe('/news/story?cpage=3&corder=likes');
  });
});
