import { connection } from 'next/server';
import { listNewsSitemapArticles, NEWS_SITEMAP_WINDOW_MS } from '@/db/feeds';
import { siteUrl } from '@/lib/config';
import { renderNewsSitemap, xmlResponse } from '@/lib/feeds';
import { answeredWhenStorageFails } from '@/app/storage-unavailable';

/** `/news-sitemap.xml`: Google News' sitemap, the stories published in the last two days. */
export const GET = answeredWhenStorageFails('feeds', async function GET() {
  await connection();
  const since = Date.now() - NEWS_SITEMAP_WINDOW_MS;
  const items = (await listNewsSitemapArticles()).filter((item) => item.publishedAt && item.publishedAt.getTime() >= since);
  const xml = renderNewsSitemap(
    siteUrl(),
    items.map((item) => ({ path: `/${item.sectionSlug}/${item.slug}`, title: item.headline, publishedAt: item.publishedAt! })),
  );
  return xmlResponse(xml, 'application/xml; charset=utf-8');
});
