import { beforeAll, describe, expect, it } from 'vitest';
import { editableIds, forgottenOwnViewCookie, issueFormToken, ownShownIds, ownViewCookie, readOwnComments, readPendingIds, secondsSinceIssued, writeOwnComments, writePendingIds } from './comment-cookies';

beforeAll(() => {
  process.env.AUTH_SECRET = 'test-secret-for-cookies';
});

describe('pending-comment cookie', () => {
  it('round-trips ids, without repeats, keeping the newest 20', () => {
    expect(readPendingIds(writePendingIds([3, 5, 3]))).toEqual([3, 5]);
    const many = Array.from({ length: 25 }, (_, i) => i + 1);
    expect(readPendingIds(writePendingIds(many))).toEqual(many.slice(5));
  });

  it('yields nothing for a tampered, unsigned or missing cookie', () => {
    const cookie = writePendingIds([7]);
    expect(readPendingIds(cookie.replace('7', '8'))).toEqual([]);
    expect(readPendingIds('7')).toEqual([]);
    expect(readPendingIds(undefined)).toEqual([]);
  });
});

describe('own-comment cookie', () => {
  const at = Date.parse('2026-12-04T12:00:00Z');
  it('round-trips ids with their times, the latest time of an id kept, the newest 10 in all', () => {
    expect(readOwnComments(writeOwnComments([{ id: 3, at }, { id: 5, at: at + 1 }, { id: 3, at: at + 2 }]))).toEqual([
      { id: 3, at: at + 2 },
      { id: 5, at: at + 1 },
    ]);
    const many = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, at }));
    expect(readOwnComments(writeOwnComments(many))).toEqual(many.slice(2));
  });

  it('yields nothing for a tampered, unsigned or missing cookie', () => {
    const cookie = writeOwnComments([{ id: 7, at }]);
    expect(readOwnComments(cookie.replace('7:', '8:'))).toEqual([]);
    expect(readOwnComments(`7:${at}`)).toEqual([]);
    expect(readOwnComments(undefined)).toEqual([]);
  });

  it('keeps editable the comments posted less than the window ago', () => {
    const own = [
      { id: 1, at },
      { id: 2, at: at + 60_000 },
    ];
    expect(editableIds(own, 10, new Date(at + 10 * 60_000 - 1))).toEqual([1, 2]);
    expect(editableIds(own, 10, new Date(at + 10 * 60_000))).toEqual([2]);
    expect(editableIds(own, 0, new Date(at + 60_000))).toEqual([]);
  });
});

describe("a story's per-reader view marker", () => {
  it('is set on the story path alone, and forgotten with the same name and path', () => {
    expect(ownViewCookie('/news/a-story', true)).toMatchObject({ name: 'bs_yours', path: '/news/a-story', httpOnly: true, secure: true, maxAge: 30 * 24 * 60 * 60 });
    expect(forgottenOwnViewCookie('/news/a-story', false)).toMatchObject({ name: 'bs_yours', path: '/news/a-story', value: '', maxAge: 0 });
  });

  it('shows a story the browser its own comments there still awaiting moderation, and those it may still edit', () => {
    const approved = [{ id: 4 }, { id: 9 }];
    expect(ownShownIds([{ id: 12 }], approved, [])).toEqual([12]);
    expect(ownShownIds([], approved, [9])).toEqual([9]);
    expect(ownShownIds([{ id: 12 }], approved, [4, 9])).toEqual([12, 4, 9]);
    // Decided, or editable only on another story: nothing of the browser's is left to show here.
    expect(ownShownIds([], approved, [])).toEqual([]);
    expect(ownShownIds([], approved, [5, 30])).toEqual([]);
    expect(ownShownIds([], [], [])).toEqual([]);
  });
});

describe('form token', () => {
  it('measures the seconds since the form was shown', () => {
    const shown = new Date('2025-02-13T10:00:00Z');
    expect(secondsSinceIssued(issueFormToken(shown), new Date('2025-02-13T10:00:07.5Z'))).toBe(7.5);
  });

  it('counts a missing or forged token as an instant post', () => {
    const now = new Date();
    expect(secondsSinceIssued(undefined, now)).toBe(0);
    expect(secondsSinceIssued('1700000000000.forged', now)).toBe(0);
  });
});
