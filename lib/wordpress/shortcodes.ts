import { linkHtml } from './autop';
import { safeMediaSrc } from './urls';

/**
 * WordPress shortcodes, read and never run. `[caption]` becomes the `<figure>` WordPress would show,
 * `[embed]URL[/embed]` a link, and any other shortcode that carries an http(s) URL (`[video src=…]`,
 * `[audio mp3=…]`, a plugin's `[soundcloud url=…]`) a link to it; one without (`[gallery ids="1,2"]`,
 * `[sic]`) stays as the text it was.
 */

/** An opening (or self-closing) shortcode tag; no nested brackets, so the scan stays linear. */
const SHORTCODE = /\[([a-z][\w-]*)((?:\s[^[\]]*)?)\]/gi;
const ATTRIBUTE = /(?<![\w-])([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"]+))/g;
/** Shortcodes whose content runs to a closing tag and belongs to them. */
const ENCLOSING = new Set(['caption', 'wp_caption', 'embed', 'video', 'audio', 'playlist']);

export function expandShortcodes(html: string): string {
  // Names with no closing tag after some point: an unclosed `[caption]` repeated 100,000 times must not
  // cost 100,000 searches to the end.
  const unclosedAfter = new Map<string, number>();
  let out = '';
  let cursor = 0;
  SHORTCODE.lastIndex = 0;
  for (let match = SHORTCODE.exec(html); match; match = SHORTCODE.exec(html)) {
    const name = (match[1] ?? '').toLowerCase();
    const attributes = parseAttributes(match[2] ?? '');
    let end = SHORTCODE.lastIndex;
    let content: string | null = null;
    if (ENCLOSING.has(name) && !(match[2] ?? '').trimEnd().endsWith('/')) {
      const close = end >= (unclosedAfter.get(name) ?? Infinity) ? -1 : indexOfClosing(html, name, end);
      if (close === -1) unclosedAfter.set(name, Math.min(end, unclosedAfter.get(name) ?? Infinity));
      else {
        content = html.slice(end, close);
        end = close + name.length + 3;
      }
    }
    const replacement = expand(name, attributes, content);
    if (replacement === null) continue;
    out += html.slice(cursor, match.index) + replacement;
    cursor = end;
    SHORTCODE.lastIndex = end;
  }
  return out + html.slice(cursor);
}

/** Where `[/name]` starts at or after `from`, in any case, or -1. (Not via toLowerCase: it can change a string's length.) */
function indexOfClosing(html: string, name: string, from: number): number {
  const closing = new RegExp(`\\[/${name}\\]`, 'gi');
  closing.lastIndex = from;
  return closing.exec(html)?.index ?? -1;
}

/** The HTML that stands for one shortcode, or null to leave its text as written. */
function expand(name: string, attributes: Map<string, string>, content: string | null): string | null {
  if (name === 'caption' || name === 'wp_caption') return content === null ? null : captionFigure(attributes, content);
  const url = [...attributes.values(), content?.trim() ?? ''].find(isHttpSource);
  return url === undefined ? null : `<p>${linkHtml(url)}</p>`;
}

function isHttpSource(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value) && safeMediaSrc(value) !== null;
}

/**
 * As WordPress's img_caption_shortcode reads it: the image (perhaps inside a link) comes first, the
 * caption is what follows it, or the `caption` attribute in older posts.
 */
function captionFigure(attributes: Map<string, string>, content: string): string {
  const parts = /^\s*((?:<a\s[^<>]*>\s*)?<img\s[^<>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(content);
  if (!parts) return content;
  const caption = attributes.get('caption') ?? (parts[2] ?? '').trim();
  return `<figure>${parts[1] ?? ''}<figcaption>${caption}</figcaption></figure>`;
}

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, double, single, bare] of text.matchAll(ATTRIBUTE)) {
    if (name) attributes.set(name.toLowerCase(), double ?? single ?? bare ?? '');
  }
  return attributes;
}
