/**
 * Reader's search text to an FTS5 query, and FTS5 snippets to text with highlights. Raw text never
 * reaches MATCH: FTS5 has its own syntax (quotes, `*`, `-`, `^`, `:`, parentheses, AND/OR/NOT/NEAR)
 * in which most stray characters are errors, so the text is cut into words and each word is quoted.
 */

/** Around a matched word in a snippet; control characters that no story contains. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** Longer questions are cut here, so that a pasted article cannot become a thousand-term query. */
const MAX_INPUT = 200;
const MAX_TOKENS = 12;

/** Letters, digits and the combining marks that belong to them, as SQLite's unicode61 tokenizer sees words. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/**
 * Words of the text, each an FTS5 string, all required (implicit AND); the last one matches as a
 * prefix only when the reader typed `*` right after it. Null when there is no word to search for.
 */
export function toFtsQuery(input: string): string | null {
  const text = input.normalize('NFC').slice(0, MAX_INPUT);
  const matches = [...text.matchAll(WORD)].slice(0, MAX_TOKENS);
  if (matches.length === 0) return null;
  const last = matches[matches.length - 1]!;
  const prefix = text[last.index + last[0].length] === '*';
  const terms = matches.map((match) => `"${match[0].replaceAll('"', '""')}"`);
  return terms.join(' ') + (prefix ? '*' : '');
}

export type SnippetPart = { text: string; mark: boolean };

/** Splits an FTS5 snippet at its markers; unpaired markers are dropped, never shown. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let mark = false;
  let text = '';
  const flush = () => {
    if (text) parts.push({ text, mark });
    text = '';
  };
  for (const char of snippet) {
    if (char === MARK_START || char === MARK_END) {
      flush();
      mark = char === MARK_START;
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}

/** A snippet of a Markdown body as a line of plain text: no heading hashes, emphasis or link syntax. */
export function plainSnippet(snippet: string): string {
  return snippet
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(^|\n)[ \t]*(?:#{1,6}|>|[-*+]|\d+\.)[ \t]+/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function hasMark(snippet: string): boolean {
  return snippet.includes(MARK_START);
}
