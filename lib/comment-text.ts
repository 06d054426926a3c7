import { find } from 'linkifyjs';

/** A run of a comment line: plain text, or a bare http(s) URL to render as a link. */
export type CommentSegment = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

const HTTP_URL = /^https?:\/\//i;
/** One or more blank lines (whitespace-only lines count as blank) between two paragraphs. */
const PARAGRAPH_BREAK = /\n(?:[^\S\n]*\n)+/;

/**
 * Splits a reader's plain-text comment into paragraphs -> lines -> segments.
 *
 * Nothing is interpreted as HTML or Markdown: `<b>`, `**x**` and `[a](b)` stay literal text and are
 * escaped by React when rendered. Only bare URLs starting with http:// or https:// become links;
 * `www.` hosts, bare domains, emails and other schemes (`javascript:`, `data:`, `ftp:`...) stay text.
 * Concatenating the segments of a line always gives back the line exactly.
 */
export function parseCommentText(body: string): CommentSegment[][][] {
  const text = body.replace(/\r\n?/g, '\n').trim();
  if (text === '') return [];
  return text.split(PARAGRAPH_BREAK).map((paragraph) =>
    // Trailing spaces are invisible; drop them. Whitespace-only lines cannot occur here (they separate paragraphs).
    paragraph.split('\n').map((line) => parseLine(line.trimEnd())),
  );
}

/** The number of links parseCommentText would make in `text`. */
export function countLinks(text: string): number {
  let count = 0;
  for (const paragraph of parseCommentText(text)) {
    for (const line of paragraph) {
      for (const segment of line) if (segment.type === 'link') count++;
    }
  }
  return count;
}

function parseLine(line: string): CommentSegment[] {
  const segments: CommentSegment[] = [];
  let cursor = 0;
  for (const match of find(line)) {
    if (match.type !== 'url' || match.start < cursor) continue;
    const linkText = line.slice(match.start, match.end);
    if (!HTTP_URL.test(linkText)) continue;
    const href = lowercaseScheme(match.href);
    if (!/^https?:\/\//.test(href)) continue; // belt and braces: never link another scheme
    if (match.start > cursor) segments.push({ type: 'text', text: line.slice(cursor, match.start) });
    segments.push({ type: 'link', text: linkText, href });
    cursor = match.end;
  }
  if (cursor < line.length) segments.push({ type: 'text', text: line.slice(cursor) });
  return segments;
}

/** `HTTPS://x` -> `https://x`: the scheme is case-insensitive, so this is the same URL. */
function lowercaseScheme(href: string): string {
  return href.replace(/^https?:/i, (scheme) => scheme.toLowerCase());
}
