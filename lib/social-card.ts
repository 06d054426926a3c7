/** The generated social card of a story without a photo (drawn by its route with next/og). */

/** The generated card's size, announced in the story's OpenGraph tags. */
export const socialCardSize = { width: 1200, height: 630 };

/** Where a story's generated card is served. */
export function socialCardPath(articlePath: string) {
  return `${articlePath}/social-card.png`;
}

const PUNCTUATION = new Set('–—‘’‚“”„†‡•…‰′″‹›€');
/** Latin Extended-A letters that Geist lacks. */
const MISSING = new Set([0x114, 0x115, 0x12c, 0x12d, 0x138, 0x13f, 0x140, 0x149, 0x14e, 0x14f, 0x17f]);

function drawable(char: string): boolean {
  const code = char.codePointAt(0)!;
  if (code >= 0x20 && code <= 0x7e) return true;
  if (code >= 0xa0 && code <= 0x17f) return code !== 0xad && !MISSING.has(code);
  return PUNCTUATION.has(char);
}

/**
 * Text for the card. The card's font (Geist, bundled with next/og) covers Latin
 * text; for any other character the renderer would fetch a font or an emoji picture from the
 * internet, which a news site's server should not do (and an emoji it cannot fetch breaks the
 * image). So the text keeps what the font draws, loses accents it cannot draw, and drops the rest.
 */
export function cardText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (drawable(char)) out += char;
    else if (/\s/.test(char)) out += ' ';
    else {
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      if (base && [...base].every(drawable)) out += base;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}
