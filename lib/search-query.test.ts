import { describe, expect, it } from 'vitest';
import { MARK_END, MARK_START, plainSnippet, snippetParts, toFtsQuery } from './search-query';

describe('toFtsQuery', () => {
  it('quotes each word and requires them all', () => {
    expect(toFtsQuery('ukraine talks')).toBe('"ukraine" "talks"');
    expect(toFtsQuery('  Trump’s   cabinet ')).toBe('"Trump" "s" "cabinet"');
  });

  it('makes the last word a prefix only when the reader typed *', () => {
    expect(toFtsQuery('elect*')).toBe('"elect"*');
    expect(toFtsQuery('elect* vote')).toBe('"elect" "vote"');
    expect(toFtsQuery('elect *')).toBe('"elect"');
    expect(toFtsQuery('elect')).toBe('"elect"');
  });

  it('turns FTS5 syntax into plain words', () => {
    expect(toFtsQuery('"unbalanced')).toBe('"unbalanced"');
    expect(toFtsQuery('-excluded')).toBe('"excluded"');
    expect(toFtsQuery('NEAR(a b, 3)')).toBe('"NEAR" "a" "b" "3"');
    expect(toFtsQuery('((one')).toBe('"one"');
    expect(toFtsQuery('AND')).toBe('"AND"');
    expect(toFtsQuery('a OR b')).toBe('"a" "OR" "b"');
    expect(toFtsQuery('headline:word')).toBe('"headline" "word"');
    expect(toFtsQuery('^start {col}')).toBe('"start" "col"');
  });

  it('keeps letters and digits of any script, with their accents', () => {
    expect(toFtsQuery('café 2025')).toBe('"café" "2025"');
    expect(toFtsQuery('cafe\u0301')).toBe('"café"');
    expect(toFtsQuery('Ελληνικά 中文')).toBe('"Ελληνικά" "中文"');
  });

  it('has nothing to search for in text without a word', () => {
    for (const input of ['', '   ', '"', '*', '-', '()', '"" **', '😀', '\u0301', '\u0002\u0003']) expect(toFtsQuery(input), input).toBeNull();
  });

  it('bounds the number of words and the length read', () => {
    expect(toFtsQuery('w '.repeat(100))!.split(' ')).toHaveLength(12);
    expect(toFtsQuery('x'.repeat(1000))).toBe(`"${'x'.repeat(200)}"`);
  });

  it('never yields a quote inside a term', () => {
    for (const input of ['a"b', 'a""b', '"a" "b"', "a'b"]) {
      const query = toFtsQuery(input)!;
      for (const term of query.replace(/\*$/, '').split(' ')) expect(term).toMatch(/^"[^"]+"$/);
    }
  });
});

describe('snippetParts', () => {
  it('splits at the markers', () => {
    expect(snippetParts(`…the ${MARK_START}vote${MARK_END} on ${MARK_START}Tuesday${MARK_END}.`)).toEqual([
      { text: '…the ', mark: false },
      { text: 'vote', mark: true },
      { text: ' on ', mark: false },
      { text: 'Tuesday', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('shows no marker and no empty part', () => {
    expect(snippetParts('plain')).toEqual([{ text: 'plain', mark: false }]);
    expect(snippetParts(`${MARK_START}${MARK_END}`)).toEqual([]);
    expect(snippetParts(`a${MARK_END}b`)).toEqual([
      { text: 'a', mark: false },
      { text: 'b', mark: false },
    ]);
    expect(snippetParts('<b>&amp;</b>')).toEqual([{ text: '<b>&amp;</b>', mark: false }]);
  });
});

describe('plainSnippet', () => {
  it('flattens Markdown and keeps the markers', () => {
    expect(plainSnippet(`## What happened\n\nThe **${MARK_START}vote${MARK_END}** was [close](https://x.test).\n\n- one\n> quote`)).toBe(
      `What happened The ${MARK_START}vote${MARK_END} was close. one quote`,
    );
  });
});
