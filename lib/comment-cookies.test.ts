import { beforeAll, describe, expect, it } from 'vitest';
import { issueFormToken, readPendingIds, secondsSinceIssued, writePendingIds } from './comment-cookies';

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
