import TurndownService from 'turndown';
import { autop, linkBareUrlLines } from './autop';
import { boundHostileHtml } from './bounds';
import { expandShortcodes } from './shortcodes';
import { isHttpUrl, markdownDestination, safeLinkHref, safeMediaSrc } from './urls';

/** An image found in a post body, in the order it appears; the importer's candidates for the story photo. */
export type WordpressImage = { src: string; alt: string; caption: string; width?: number; height?: number };

export type MarkdownOptions = {
  /**
   * Where the site now serves `image` (a path under our own origin once the importer has stored it),
   * or null to leave it out of the body (it is the story's photo). Without this, an image is replaced
   * by its caption: the old site's address would be blocked by our Content-Security-Policy
   * (`img-src 'self'`) and break once that site is gone.
   */
  imageSrc?: (image: WordpressImage) => string | null;
};

/**
 * Elements whose content is never a story's words: code, styling, widgets and form controls. An
 * iframe, video or audio becomes a link to its source (see the rules below), never its inner markup.
 */
const DROPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'CANVAS',
  'HEAD', 'TITLE', 'META', 'LINK', 'TEXTAREA', 'SELECT', 'BUTTON', 'INPUT',
]);
const PLAIN_DROPPED = new Set([...DROPPED, 'IMG', 'IFRAME', 'VIDEO', 'AUDIO']);

/**
 * WordPress post HTML, from the classic editor (paragraphs implied by blank lines) or the block editor
 * (`<!-- wp:… -->` comments, which the parser drops like any comment), as the Markdown our story renderer
 * takes. Only Markdown comes out, never HTML: an element with no Markdown form gives its text, and a link
 * or image whose address is not http(s), mailto or relative gives its words only.
 */
export function wordpressToMarkdown(html: string, options: MarkdownOptions = {}): { markdown: string; images: WordpressImage[] } {
  const images: WordpressImage[] = [];
  const service = markdownService(images, options);
  const markdown = service.turndown(prepareHtml(html));
  // A `<br>` left alone between blocks (WordPress adds them freely) would be a line of spaces.
  return { markdown: markdown.replace(/^[^\S\n]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim(), images };
}

/** A WordPress comment as our plain comment text (lib/comment-text.ts): words, line breaks, blank lines between paragraphs. */
export function wordpressCommentText(html: string): string {
  // Most comments are plain words: they skip the HTML parser, with the same result (content.test.ts).
  if (!/[<>&\u00a0]/.test(html)) return plainCommentText(html);
  return commentService()
    .turndown(autop(boundHostileHtml(html)))
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A WordPress excerpt as a standfirst: one plain paragraph. */
export function wordpressExcerptText(html: string): string {
  if (!/[<>&\u00a0]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  return excerptService().turndown(boundHostileHtml(html)).replace(/\s+/g, ' ').trim();
}

/**
 * A comment with no markup, as the parser would give it: paragraphs at blank lines, a line break at
 * each newline, runs of spaces and tabs as one space, each line trimmed.
 */
function plainCommentText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.replace(/[ \t]+/g, ' ').trim())
        .join('\n')
        .trim(),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

// Made once: a Turndown service is reusable, and making one per comment was most of an import's time.
let comment: TurndownService | undefined;
let excerpt: TurndownService | undefined;
const commentService = () => (comment ??= plainService({ quotePrefix: '> ', spellLinks: true }));
const excerptService = () => (excerpt ??= plainService({ quotePrefix: '', spellLinks: false }));

/** What WordPress itself does before showing a post: shortcodes read, URL-only lines linked, and for classic posts, paragraphs. */
function prepareHtml(html: string): string {
  const isBlockEditor = /<!--\s*wp:/.test(html);
  const text = linkBareUrlLines(expandShortcodes(boundHostileHtml(html)));
  return isBlockEditor ? text : autop(text);
}

function markdownService(images: WordpressImage[], options: MarkdownOptions): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
    strongDelimiter: '**',
  });
  // Turndown escapes Markdown's own syntax; text could also read as HTML (dropped by the renderer,
  // taking the words with it), an entity, or GFM strikethrough.
  const escapeMarkdown = service.escape.bind(service);
  service.escape = (text) =>
    escapeMarkdown(text)
      .replace(/<(?=[a-z/!?])/gi, '\\<')
      .replace(/&(?=#?\w+;)/g, '\\&')
      .replace(/~/g, '\\~');

  service.addRule('dropped', { filter: (node) => DROPPED.has(node.nodeName.toUpperCase()), replacement: () => '' });
  service.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    // The headline is the page's h1, so a body's h1 becomes an h2.
    replacement: (content, node) => {
      // A heading is one line: a `<br>` in it (`  \n`) would end it early.
      const text = content.replace(/\n+/g, ' ').replace(/  +/g, ' ').trim();
      return text === '' ? '' : `\n\n${'#'.repeat(Math.max(2, Number(node.nodeName.charAt(1))))} ${text}\n\n`;
    },
  });
  service.addRule('link', {
    filter: 'a',
    replacement: (content, node) => {
      const href = safeLinkHref(attribute(node, 'href'));
      // A link around an image (usually to the full-size file) adds nothing once the image is its caption.
      if (href === null || content.trim() === '' || hasDescendant(node, 'IMG')) return content;
      // A paragraph inside a link would end the link text; its words stay on the one line.
      return `[${content.replace(/\n+/g, ' ').trim()}](${markdownDestination(href)})`;
    },
  });
  service.addRule('image', {
    filter: 'img',
    replacement: (_, node) => {
      const caption = figureCaption(node);
      const captionText = caption === '' ? '' : `\n\n*${service.escape(caption)}*\n\n`;
      const src = safeMediaSrc(attribute(node, 'src'));
      if (src === null) return captionText;
      const image: WordpressImage = { src, alt: collapse(attribute(node, 'alt')), caption };
      const width = dimension(attribute(node, 'width'));
      const height = dimension(attribute(node, 'height'));
      if (width !== undefined) image.width = width;
      if (height !== undefined) image.height = height;
      images.push(image);
      if (!options.imageSrc) return captionText;
      const shown = options.imageSrc(image);
      const safe = shown === null ? null : safeMediaSrc(shown);
      if (safe === null) return '';
      return `\n\n![${service.escape(image.alt)}](${markdownDestination(safe)})${captionText}`;
    },
  });
  service.addRule('imageCaption', {
    filter: (node) => node.nodeName === 'FIGCAPTION' && node.parentNode !== null && hasDescendant(node.parentNode, 'IMG'),
    replacement: () => '',
  });
  service.addRule('embed', {
    filter: ['iframe', 'video', 'audio'],
    replacement: (_, node) => {
      const source = firstSource(node);
      return source === null ? '' : `\n\n[${service.escape(source)}](${markdownDestination(source)})\n\n`;
    },
  });
  service.addRule('preformatted', {
    // Turndown fences only `<pre><code>`; classic posts often have a bare `<pre>`.
    filter: (node) => node.nodeName === 'PRE' && node.firstChild?.nodeName !== 'CODE',
    replacement: (_, node) => {
      const code = (node.textContent ?? '').replace(/^\n|\n$/g, '');
      const longestRun = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
      const fence = '`'.repeat(longestRun + 1);
      return code.trim() === '' ? '' : `\n\n${fence}\n${code}\n${fence}\n\n`;
    },
  });
  service.addRule('quoteCitation', {
    filter: (node) => node.nodeName === 'CITE' && node.parentNode?.nodeName === 'BLOCKQUOTE',
    replacement: (content) => (content.trim() === '' ? '' : `\n\n— ${content.trim()}\n\n`),
  });
  service.addRule('tableCell', {
    filter: ['td', 'th'],
    replacement: (content) => `${content.replace(/\s+/g, ' ').trim()} | `,
  });
  service.addRule('tableRow', {
    filter: 'tr',
    replacement: (content) => `\n\n${content.trim().replace(/ \|$/, '')}\n\n`,
  });
  return service;
}

/** Turndown set to write plain text: no Markdown syntax in, none escaped, links spelled out. */
function plainService({ quotePrefix, spellLinks }: { quotePrefix: string; spellLinks: boolean }): TurndownService {
  const service = new TurndownService({ bulletListMarker: '-' });
  service.escape = (text) => text;
  service.addRule('plainDropped', { filter: (node) => PLAIN_DROPPED.has(node.nodeName.toUpperCase()), replacement: () => '' });
  service.addRule('plainBreak', { filter: 'br', replacement: () => '\n' });
  service.addRule('plainLink', {
    filter: 'a',
    replacement: (content, node) => {
      const text = content.trim();
      const href = attribute(node, 'href').trim();
      if (!spellLinks || !isHttpUrl(href) || sameAddress(text, href)) return content;
      return text === '' ? href : `${content} (${href})`;
    },
  });
  service.addRule('plainQuote', {
    filter: 'blockquote',
    replacement: (content) => {
      const lines = content.trim().replace(/\n{3,}/g, '\n\n').split('\n');
      return `\n\n${lines.map((line) => (line.trim() === '' ? quotePrefix.trim() : quotePrefix + line)).join('\n')}\n\n`;
    },
  });
  service.addRule('plainBlock', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'pre'],
    replacement: (_, node) => `\n\n${node.nodeName === 'PRE' ? (node.textContent ?? '') : _.trim()}\n\n`,
  });
  service.addRule('plainInline', {
    filter: ['em', 'i', 'strong', 'b', 'code', 'del', 's'],
    replacement: (content) => content,
  });
  return service;
}

function attribute(node: TurndownService.Node, name: string): string {
  return (node as HTMLElement).getAttribute(name) ?? '';
}

function hasDescendant(node: Node, nodeName: string): boolean {
  return (node as Element).getElementsByTagName(nodeName.toLowerCase()).length > 0;
}

/** The caption of the figure around an image (a `wp:image` block, a converted `[caption]`), or ''. */
function figureCaption(node: Node): string {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) {
    if (parent.nodeName !== 'FIGURE') continue;
    const caption = Array.from(parent.childNodes).find((child) => child.nodeName === 'FIGCAPTION');
    return collapse(caption?.textContent ?? '');
  }
  return '';
}

/** The http(s) address an iframe, video or audio element plays, if any. */
function firstSource(node: TurndownService.Node): string | null {
  const element = node as HTMLElement;
  const sources = [element.getAttribute('src') ?? '', ...Array.from(element.getElementsByTagName('source'), (s) => s.getAttribute('src') ?? '')];
  for (const source of sources) {
    if (isHttpUrl(source)) return source.trim();
  }
  return null;
}

function dimension(value: string): number | undefined {
  return /^\d{1,5}$/.test(value.trim()) && Number(value) > 0 ? Number(value) : undefined;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether a link's words already are its address (`http://x.com/` and `x.com` count as the same). */
function sameAddress(text: string, href: string): boolean {
  const bare = (url: string) => url.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/$/, '');
  return bare(text) === bare(href);
}
