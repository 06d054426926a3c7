import { describe, expect, it } from 'vitest';
import { cardText } from './social-card';

describe('cardText', () => {
  it('keeps Latin text and newspaper punctuation', () => {
    expect(cardText('Zelensky’s “peace” plan — Łódź, São Paulo… €5bn')).toBe('Zelensky’s “peace” plan — Łódź, São Paulo… €5bn');
  });

  it('drops what the card font cannot draw instead of fetching a font for it', () => {
    expect(cardText('Markets 📉 fall')).toBe('Markets fall');
    expect(cardText('中文 headline')).toBe('headline');
    expect(cardText('Ŏ and ŭ')).toBe('O and ŭ');
    expect(cardText('soft\u00adhyphen\u0000')).toBe('softhyphen');
    expect(cardText('  spaced\n\tout  ')).toBe('spaced out');
  });
});
