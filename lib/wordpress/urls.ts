/** Schemes a link in an imported story or comment may keep; anything else (javascript:, data:, vbscript:...) becomes text. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_SCHEMES = new Set(['http:', 'https:']);
/** A base that only serves to tell a relative address (kept as written) from one with a scheme. */
const RELATIVE_BASE = 'https://relative.invalid/';

/**
 * The address as a browser would read it (surrounding C0 controls and spaces gone, tabs and newlines
 * inside removed, as the URL standard does), or null when its scheme is not in `schemes`. Letting
 * `URL` decide the scheme catches `JaVaScRiPt:`, `java\tscript:` and leading control characters alike.
 */
function checkedUrl(raw: string, schemes: Set<string>): string | null {
  const href = raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  if (href === '') return null;
  let url: URL;
  try {
    url = new URL(href, RELATIVE_BASE);
  } catch {
    return null;
  }
  return schemes.has(url.protocol) ? href : null;
}

/** A link target worth keeping: http(s), mailto or relative (an old-site path the import redirects). */
export function safeLinkHref(raw: string): string | null {
  return checkedUrl(raw, LINK_SCHEMES);
}

/**
 * An image or embed source worth keeping: http(s), or a path from the site's root (`/wp-content/…`,
 * `//host/…`) that the importer can resolve against the old site. `src=x` names nothing it could fetch.
 */
export function safeMediaSrc(raw: string): string | null {
  const src = checkedUrl(raw, IMAGE_SCHEMES);
  return src !== null && /^(?:https?:\/\/|\/)/i.test(src) ? src : null;
}

/** An absolute http(s) address, the only kind a comment may show beside a link's words. */
export function isHttpUrl(raw: string): boolean {
  return /^https?:\/\//i.test(raw.trim()) && safeMediaSrc(raw) !== null;
}

/** `url` as a Markdown link destination: the characters that would end or confuse it percent-encoded. */
export function markdownDestination(url: string): string {
  return url.replace(/[\s()<>\\]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
