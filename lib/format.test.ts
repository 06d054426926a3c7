import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, pluralize, readingMinutes } from './format';

describe('dates', () => {
  it('are absolute, in the newsroom zone, with the zone named', () => {
    expect(formatDateTime(new Date('2025-02-12T21:40:00Z'))).toBe('12 February 2025 at 21:40 GMT');
    expect(formatDateTime(new Date('2025-07-01T08:05:00Z'))).toBe('1 July 2025 at 09:05 BST');
    expect(formatDate(new Date('2025-02-12T23:59:00Z'))).toBe('12 February 2025');
  });
});

describe('readingMinutes', () => {
  it('is at least one minute', () => expect(readingMinutes('Short.')).toBe(1));
  it('grows with the text', () => expect(readingMinutes('word '.repeat(1000))).toBeGreaterThanOrEqual(4));
});

describe('pluralize', () => {
  it('says 1 comment and 0 or 2 comments', () => {
    expect(pluralize(1, 'comment')).toBe('1 comment');
    expect(pluralize(0, 'comment')).toBe('0 comments');
    expect(pluralize(2, 'Comment')).toBe('2 Comments');
  });
});
