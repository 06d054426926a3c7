import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { siteUrl } from '@/lib/config';

/**
 * `/robots.txt`: everything public may be crawled; both sitemaps are named with the server's origin.
 * Search result pages are left crawlable so that crawlers read their `noindex`.
 */
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  const origin = siteUrl();
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/login', '/moderation'] },
    sitemap: [`${origin}/sitemap.xml`, `${origin}/news-sitemap.xml`],
  };
}
