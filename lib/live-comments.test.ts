import { describe, expect, it } from 'vitest';
import { etagMatches, liveEtag, newCommentsLabel, newSince, nextPollDelay, pollTiming } from './live-comments';

describe('liveEtag and etagMatches', () => {
  it('gives one tag per count and newest id, and a different one when either changes', () => {
    const tag = liveEtag({ count: 3, newestId: 41 });
    expect(tag).toMatch(/^"[^"]+"$/);
    expect(liveEtag({ count: 3, newestId: 41 })).toBe(tag);
    expect(liveEtag({ count: 4, newestId: 41 })).not.toBe(tag);
    expect(liveEtag({ count: 3, newestId: 42 })).not.toBe(tag);
    expect(liveEtag({ count: 0, newestId: null })).not.toBe(liveEtag({ count: 1, newestId: null }));
  });

  it('matches the tag alone, in a list, weakened by a proxy, or *; nothing else', () => {
    const tag = liveEtag({ count: 3, newestId: 41 });
    expect(etagMatches(tag, tag)).toBe(true);
    expect(etagMatches(`"x", ${tag}`, tag)).toBe(true);
    expect(etagMatches(`W/${tag}`, tag)).toBe(true);
    expect(etagMatches('*', tag)).toBe(true);
    expect(etagMatches(liveEtag({ count: 4, newestId: 42 }), tag)).toBe(false);
    expect(etagMatches(tag.slice(1, -1), tag)).toBe(false);
    expect(etagMatches('', tag)).toBe(false);
    expect(etagMatches(null, tag)).toBe(false);
  });
});

describe('newSince', () => {
  it('counts the comments approved since the page was rendered, never fewer than none', () => {
    expect(newSince(5, null)).toBe(0);
    expect(newSince(5, { count: 5, newestId: 9 })).toBe(0);
    expect(newSince(5, { count: 8, newestId: 12 })).toBe(3);
    // One unapproved since: nothing to show, and no negative count.
    expect(newSince(5, { count: 4, newestId: 9 })).toBe(0);
  });

  it('names them as the button says it', () => {
    expect(newCommentsLabel(1)).toBe('1 new comment');
    expect(newCommentsLabel(3)).toBe('3 new comments');
  });
});

describe('nextPollDelay', () => {
  const middle = 0.5; // no jitter either way
  it('polls every 30 s while answers come, then slower the longer nothing changes, to two minutes at most', () => {
    expect(nextPollDelay({ unchanged: 0, failures: 0 }, middle)).toBe(pollTiming.base);
    const waits = [0, 1, 2, 3, 4, 5, 6, 7, 20].map((unchanged) => nextPollDelay({ unchanged, failures: 0 }, middle));
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(waits[1]).toBeGreaterThan(waits[0]!);
    expect(waits.at(-1)).toBe(pollTiming.quietMax);
  });

  it('doubles after each failure in a row, to five minutes at most', () => {
    expect(nextPollDelay({ unchanged: 0, failures: 1 }, middle)).toBe(60_000);
    expect(nextPollDelay({ unchanged: 0, failures: 2 }, middle)).toBe(120_000);
    expect(nextPollDelay({ unchanged: 3, failures: 3 }, middle)).toBe(240_000);
    expect(nextPollDelay({ unchanged: 0, failures: 30 }, middle)).toBe(pollTiming.failureMax);
  });

  it('spreads readers by up to a fifth either way', () => {
    expect(nextPollDelay({ unchanged: 0, failures: 0 }, 0)).toBe(24_000);
    expect(nextPollDelay({ unchanged: 0, failures: 0 }, 0.999_999)).toBeCloseTo(36_000, -1);
  });
});
