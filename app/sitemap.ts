import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { listSitemapEntries } from '@/db/feeds';
import { siteUrl } from '@/lib/config';

const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/**
 * `/sitemap.xml`: the home page, every published story, every section, and each author and topic
 * with a published story, with when each last changed. Built per request from a cached read, so
 * the build never opens the database and the addresses use the server's SITE_URL.
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const origin = siteUrl();
  const entries = await listSitemapEntries();
  const at = (path: string, lastModified: Date | null) => ({ url: `${origin}${path}`, ...(lastModified ? { lastModified } : {}) });
  return [
    at('/', entries.homeLastModified),
    ...entries.sections.map((section) => at(`/${section.slug}`, section.lastModified)),
    ...entries.articles.map((article) => at(`/${article.sectionSlug}/${article.slug}`, later(article.publishedAt, article.updatedAt))),
    ...entries.authors.map((author) => at(`/authors/${author.slug}`, author.lastModified)),
    ...entries.tags.map((tag) => at(`/tags/${tag.slug}`, tag.lastModified)),
  ];
}
