import { Feed, type Item } from 'feed';
import { authorPath, type Byline } from './bylines';
import { site } from './site';

/**
 * RSS and Atom feeds, and the Google News sitemap, as XML strings. Pure: the origin and the rows
 * come in, so the route handlers stay thin and this is tested without a server.
 */

export type FeedFormat = 'rss' | 'atom';

export const feedContentType: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

export type FeedChannel = {
  title: string;
  description: string;
  /** The page the feed follows, e.g. `/news`. */
  path: string;
  /** The feed's own address in each format it has. */
  self: Partial<Record<FeedFormat, string>>;
};

export type FeedEntry = {
  title: string;
  /** Absolute, or a path on this site. */
  link: string;
  /** Last changed. */
  date: Date;
  published?: Date;
  /** Plain text; escaped here for the HTML that feed readers expect. */
  summary?: string;
  authors?: { name: string; link?: string }[];
  categories?: string[];
};

/** Characters XML 1.0 cannot carry at all, even escaped. */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, '');
}

export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Plain text as the HTML of a description: escaped, line breaks kept. */
export function textToHtml(text: string): string {
  return escapeXml(text.trim()).replace(/\r?\n/g, '<br />');
}

/**
 * The feed library puts titles in CDATA, which cannot hold `]]>`; in Atom the title is HTML
 * (type="html") and is escaped, in RSS it is plain text.
 */
function titleFor(format: FeedFormat, title: string) {
  return format === 'atom' ? escapeXml(title) : xmlSafe(title).replaceAll(']]>', ']] >');
}

function absolute(origin: string, link: string) {
  return new URL(link, `${origin}/`).toString();
}

/** A feed as XML; entries in the order given. */
export function renderFeed(format: FeedFormat, origin: string, channel: FeedChannel, entries: FeedEntry[]): string {
  const link = absolute(origin, channel.path);
  const self = channel.self[format];
  const updated = entries.reduce<Date | undefined>((latest, entry) => (!latest || entry.date > latest ? entry.date : latest), undefined);
  const feed = new Feed({
    id: link,
    title: xmlSafe(channel.title),
    description: xmlSafe(channel.description),
    link,
    feed: self ? absolute(origin, self) : undefined,
    language: site.language,
    image: absolute(origin, '/logo.png'),
    copyright: `© ${site.name}`,
    generator: site.name,
    updated,
  });
  for (const entry of entries) {
    const item: Item = {
      title: titleFor(format, entry.title),
      link: absolute(origin, entry.link),
      date: entry.date,
      published: entry.published,
      description: entry.summary ? textToHtml(entry.summary) : undefined,
      author: entry.authors
        ? entry.authors.map((author) => ({ name: xmlSafe(author.name), link: author.link ? absolute(origin, author.link) : undefined }))
        : undefined,
      category: entry.categories?.map((name) => ({ name: xmlSafe(name), term: xmlSafe(name) })),
    };
    feed.addItem(item);
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}

type ArticleRow = {
  slug: string;
  headline: string;
  standfirst: string;
  publishedAt: Date | null;
  updatedAt: Date | null;
  sectionSlug: string;
  sectionName: string;
  bylines: Byline[];
};

export function articleEntries(rows: ArticleRow[]): FeedEntry[] {
  return rows.map((row) => {
    const published = row.publishedAt ?? new Date(0);
    return {
      title: row.headline,
      link: `/${row.sectionSlug}/${row.slug}`,
      date: row.updatedAt && row.updatedAt > published ? row.updatedAt : published,
      published,
      summary: row.standfirst,
      authors: row.bylines.map((byline) => ({ name: byline.name, link: authorPath(byline) })),
      categories: [row.sectionName],
    };
  });
}

type CommentRow = { id: number; authorName: string; authorUrl: string; body: string; createdAt: Date };

/** Approved comments as entries linking their permalinks; only what the page itself shows. */
export function commentEntries(rows: CommentRow[]): FeedEntry[] {
  return rows.map((row) => ({
    title: `Comment by ${row.authorName}`,
    link: `/comments/${row.id}`,
    date: row.createdAt,
    published: row.createdAt,
    summary: row.body,
    authors: [{ name: row.authorName, link: /^https?:\/\//i.test(row.authorUrl) ? row.authorUrl : undefined }],
  }));
}

export type NewsSitemapEntry = { path: string; title: string; publishedAt: Date };

/** A Google News sitemap: publication, language, publication date and title for each story. */
export function renderNewsSitemap(origin: string, entries: NewsSitemapEntry[]): string {
  const language = site.language.split('-')[0]!.toLowerCase();
  const urls = entries.map(
    (entry) => `  <url>
    <loc>${escapeXml(absolute(origin, entry.path))}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeXml(site.name)}</news:name>
        <news:language>${language}</news:language>
      </news:publication>
      <news:publication_date>${entry.publishedAt.toISOString()}</news:publication_date>
      <news:title>${escapeXml(entry.title)}</news:title>
    </news:news>
  </url>
`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls.join('')}</urlset>
`;
}

/** Feed readers and crawlers may keep a copy for five minutes; the data behind it is cached anyway. */
export function xmlResponse(body: string, contentType: string): Response {
  return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'public, max-age=300' } });
}

export function notFoundResponse(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
