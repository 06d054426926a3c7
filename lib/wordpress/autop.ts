/**
 * WordPress stores classic-editor posts and every comment without paragraph tags: `wpautop` adds them
 * when the page is shown (a blank line ends a paragraph, a single newline is a `<br>`). This is a port
 * of that function, trimmed to what changes the result for a converter. Like WordPress's own, it works
 * on the text between tags; every pattern here runs in linear time, so hostile input cannot stall it.
 */

const BLOCKS =
  '(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)';
const BLOCK_OPEN = new RegExp(`(<${BLOCKS}[\\s/>])`, 'gi');
const BLOCK_CLOSE = new RegExp(`(</${BLOCKS}>)`, 'gi');
const EMPTY_P_AROUND_BLOCK = new RegExp(`<p>\\s*(</?${BLOCKS}[^<>]*>)\\s*</p>`, 'gi');
const P_BEFORE_BLOCK = new RegExp(`<p>\\s*(</?${BLOCKS}[^<>]*>)`, 'gi');
const P_AFTER_BLOCK = new RegExp(`(</?${BLOCKS}[^<>]*>)\\s*</p>`, 'gi');
const BR_AFTER_BLOCK = new RegExp(`(</?${BLOCKS}[^<>]*>)\\s*<br />`, 'gi');
const BR_BEFORE_BLOCK = /<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[\s/>])/gi;

/** Adds the `<p>` and `<br />` tags WordPress would add to `text` before showing it. */
export function autop(text: string): string {
  const { text: unprotected, restore } = protectPre(text);
  let html = unprotected
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    // Newlines inside a tag (`<a\nhref>`) are not line breaks.
    .replace(/<[^<>]*>/g, (tag) => tag.replace(/\n/g, ' '))
    .replace(/<br\s*\/?>\s*<br\s*\/?>/gi, '\n\n')
    .replace(BLOCK_OPEN, '\n\n$1')
    .replace(BLOCK_CLOSE, '$1\n\n')
    .replace(/<hr\s*\/?>/gi, '<hr />\n\n')
    .replace(/ ?\n ?/g, '\n');
  if (html.trim() === '') return '';

  html = html
    .split(/\n{2,}/)
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => `<p>${chunk.replace(/^\n+|\n+$/g, '')}</p>\n`)
    .join('')
    .replace(/<p>\s*<\/p>/g, '')
    .replace(EMPTY_P_AROUND_BLOCK, '$1')
    .replace(/<p>(<li[^\n]+?)<\/p>/gi, '$1')
    .replace(/<p><blockquote([^<>]*)>/gi, '<blockquote$1><p>')
    .replace(/<\/blockquote><\/p>/gi, '</p></blockquote>')
    .replace(P_BEFORE_BLOCK, '$1')
    .replace(P_AFTER_BLOCK, '$1')
    .replace(/(?<!<br \/>)\n(?!$)/g, '<br />\n')
    .replace(BR_AFTER_BLOCK, '$1')
    .replace(BR_BEFORE_BLOCK, '$1');
  return restore(html);
}

/**
 * Swaps each `<pre>…</pre>` for a placeholder (still a `pre` tag, so the block rules see it) and
 * returns how to put them back. A scan rather than a lazy pattern: an unclosed `<pre` repeated a
 * million times must not cost a million scans to the end (the first one takes the rest).
 */
function protectPre(text: string): { text: string; restore: (html: string) => string } {
  const opening = /<pre[\s/>]/gi;
  const closing = /<\/pre>/gi;
  const kept: string[] = [];
  let out = '';
  let cursor = 0;
  for (let start = opening.exec(text); start; start = opening.exec(text)) {
    closing.lastIndex = start.index;
    const close = closing.exec(text);
    const end = close ? close.index + close[0].length : text.length;
    out += `${text.slice(cursor, start.index)}<pre wp-pre-tag-${kept.length}></pre>`;
    kept.push(text.slice(start.index, end));
    cursor = end;
    opening.lastIndex = end;
    if (!close) break;
  }
  out += text.slice(cursor);
  if (kept.length === 0) return { text, restore: (html) => html };
  return {
    text: out,
    restore: (html) => html.replace(/<pre wp-pre-tag-(\d+)><\/pre>/g, (_, i: string) => kept[Number(i)] ?? ''),
  };
}

/**
 * WordPress turns a URL alone on its line into an embed (a video, a post) before adding paragraphs;
 * here it becomes a paragraph holding a link to it.
 */
export function linkBareUrlLines(text: string): string {
  return text.replace(/^[^\S\n]*(https?:\/\/[^\s<>"]+)[^\S\n]*$/gim, (_, url: string) => `\n\n<p>${linkHtml(url)}</p>\n\n`);
}

/** `<a href="url">url</a>` for a URL taken from HTML source (entities in it are left for the parser to read). */
export function linkHtml(url: string): string {
  const attribute = url.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<a href="${attribute}">${attribute}</a>`;
}
