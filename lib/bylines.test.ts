import { describe, expect, it } from 'vitest';
import { bylineParts, bylineText } from './bylines';

const ada = { slug: 'ada', name: 'Ada Lovelace' };
const bo = { slug: 'bo', name: 'Bo Diddley' };
const cy = { slug: 'cy', name: 'Cy Young' };

describe('bylines', () => {
  it('names one, two and three bylines as a sentence does', () => {
    expect(bylineText([ada])).toBe('Ada Lovelace');
    expect(bylineText([ada, bo])).toBe('Ada Lovelace and Bo Diddley');
    expect(bylineText([ada, bo, cy])).toBe('Ada Lovelace, Bo Diddley and Cy Young');
  });

  it('keeps each name with its own byline, even when two names are the same', () => {
    const twin = { slug: 'ada-2', name: 'Ada Lovelace' };
    const parts = bylineParts([ada, twin, bo]);
    expect(parts.filter((part) => part.type === 'name').map((part) => part.byline.slug)).toEqual(['ada', 'ada-2', 'bo']);
    expect(parts.map((part) => (part.type === 'name' ? part.byline.name : part.text)).join('')).toBe('Ada Lovelace, Ada Lovelace and Bo Diddley');
  });
});
