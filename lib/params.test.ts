import { describe, expect, it } from 'vitest';
import { parsePage, parseSlug, placeholderParam } from './params';

describe('parseSlug', () => {
  it('accepts lower-case words joined by hyphens', () => {
    expect(parseSlug('trump-putin-call')).toBe('trump-putin-call');
    expect(parseSlug('news')).toBe('news');
    expect(parseSlug('g7-2025')).toBe('g7-2025');
  });

  it('refuses anything else, including the build-time placeholder', () => {
    for (const bad of ['', placeholderParam, 'News', 'a--b', '-a', 'a-', 'a b', 'a/b', '%2e%2e', 'é', 'x'.repeat(201)]) {
      expect(parseSlug(bad), bad).toBeNull();
    }
  });
});

describe('parsePage', () => {
  it('is 1 when absent', () => expect(parsePage(undefined)).toBe(1));

  it('accepts positive whole numbers', () => {
    expect(parsePage('1')).toBe(1);
    expect(parsePage('42')).toBe(42);
  });

  it('refuses zero, negatives, decimals, padding and junk', () => {
    for (const bad of ['0', '-1', '1.5', '01', ' 2', 'abc', '', '9999999', placeholderParam]) {
      expect(parsePage(bad), bad).toBeNull();
    }
  });
});
