/**
 * Shapes of HTML no author writes but a hostile or broken export may hold, which would crash or stall
 * the conversion: turndown recurses once per level of nesting (a few thousand nested tags overflow the
 * stack) and slows quadratically on long runs of non-ASCII spaces. Both are bounded here, on the text,
 * before any parser sees it; ordinary content passes through unchanged.
 */

/** Far deeper than any post (a list in a quote in a list is five levels), far below what overflows the stack. */
const MAX_DEPTH = 100;
/** A run of spaces and entities shorter than this is left alone, whatever it holds. */
const LONG_RUN = 64;

const TAG = /<(\/?)([a-z][a-z0-9-]*)\b[^<>]*>/gi;
/** Elements that never hold others, or that the parser ends by itself when the next one starts, so they do not deepen the tree. */
const FLAT = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp',
]);
const RUN = /(?:&#?\w+;|\s)+/g;
const TOKEN = /&#?\w+;|\s/g;
const SPACE_ENTITIES = new Set([
  'nbsp', 'ensp', 'emsp', 'emsp13', 'emsp14', 'numsp', 'puncsp', 'thinsp', 'hairsp',
  'ThinSpace', 'VeryThinSpace', 'MediumSpace', 'NonBreakingSpace', 'Tab', 'NewLine',
]);

export function boundHostileHtml(html: string): string {
  return collapseSpaceRuns(limitNesting(html));
}

/** Drops the tags that would nest deeper than MAX_DEPTH; their contents stay, one level up. */
function limitNesting(html: string): string {
  let depth = 0;
  return html.replace(TAG, (tag, closing: string, name: string) => {
    if (FLAT.has(name.toLowerCase()) || tag.endsWith('/>')) return tag;
    if (closing) {
      const dropped = depth > MAX_DEPTH;
      depth = Math.max(0, depth - 1);
      return dropped ? ' ' : tag;
    }
    depth += 1;
    return depth > MAX_DEPTH ? ' ' : tag;
  });
}

/**
 * In a long run of whitespace and entities, keeps one non-ASCII space (`&nbsp;`, `&#8195;`, U+00A0…)
 * where several follow a space. ASCII whitespace is kept as it is: its blank lines make paragraphs.
 */
function collapseSpaceRuns(html: string): string {
  return html.replace(RUN, (run) => {
    if (run.length < LONG_RUN) return run;
    let out = '';
    let afterSpace = false;
    for (const [token] of run.matchAll(TOKEN)) {
      const ascii = /^[ \t\n\r\f\v]$/.test(token);
      const space = ascii || isSpaceEntityOrCharacter(token);
      if (space && !ascii && afterSpace) continue;
      out += token;
      afterSpace = space;
    }
    return out;
  });
}

function isSpaceEntityOrCharacter(token: string): boolean {
  if (!token.startsWith('&')) return /^\s$/.test(token);
  const name = token.slice(1, -1);
  if (SPACE_ENTITIES.has(name)) return true;
  const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1];
  const value = code !== undefined ? parseInt(code, 16) : /^#\d+$/.test(name) ? Number(name.slice(1)) : NaN;
  return value <= 0x10ffff && /^\s$/u.test(String.fromCodePoint(value));
}
