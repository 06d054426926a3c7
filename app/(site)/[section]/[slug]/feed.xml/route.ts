import { connection } from 'next/server';
import { getCommentFeed } from '@/db/feeds';
import { siteUrl } from '@/lib/config';
import { feedPaths } from '@/lib/feed-paths';
import { commentEntries, feedContentType, notFoundResponse, renderFeed, xmlResponse } from '@/lib/feeds';
import { parseSlug, placeholderParam } from '@/lib/params';
import { site } from '@/lib/site';

type Props = { params: Promise<{ section: string; slug: string }> };

export function generateStaticParams() {
  return [{ section: placeholderParam, slug: placeholderParam }];
}

/**
 * `/{section}/{slug}/feed.xml`: a story's approved comments in RSS 2.0, newest first, with each
 * commenter's name and website (never the email). 404 for a draft or an unknown story.
 */
export async function GET(_request: Request, { params }: Props) {
  await connection();
  const { section, slug: rawSlug } = await params;
  const slug = parseSlug(rawSlug);
  const feed = slug ? await getCommentFeed(slug) : null;
  if (!feed) return notFoundResponse();
  const { article, items } = feed;
  const path = `/${article.sectionSlug}/${article.slug}`;
  const self = feedPaths.comments(article.sectionSlug, article.slug);
  if (article.sectionSlug !== section) return Response.redirect(new URL(self, `${siteUrl()}/`), 308);
  const xml = renderFeed(
    'rss',
    siteUrl(),
    {
      title: `Comments on “${article.headline}” | ${site.name}`,
      description: `Readers’ comments on “${article.headline}”.`,
      path,
      self: { rss: self },
    },
    commentEntries(items),
  );
  return xmlResponse(xml, feedContentType.rss);
}
