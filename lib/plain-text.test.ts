import { describe, expect, it } from 'vitest';
import { plainText, plainTextIfString } from './plain-text';

describe('plainText', () => {
  it('drops NUL, escape sequences and other control characters, and keeps tabs and line breaks as \\n', () => {
    expect(plainText('A\u0000da\u001b[31m red\u007f\fpage\r\nnext\rlast\tcell')).toBe('Ada[31m redpage\nnext\nlast\tcell');
  });

  it('leaves other text as it is, accents, emoji and right-to-left marks included', () => {
    const text = 'Zoë’s café 🗞️ \u200fمرحبا <b>&amp;</b>';
    expect(plainText(text)).toBe(text);
  });

  it('leaves what is not a string for the schema to refuse', () => {
    expect(plainTextIfString(42)).toBe(42);
    expect(plainTextIfString(undefined)).toBeUndefined();
    expect(plainTextIfString('a\u0000b')).toBe('ab');
  });
});
