import { connection } from 'next/server';
import { findMovedAuthor } from '@/db/articles';
import { getAuthorFeed, getSectionFeed, listFeedArticles } from '@/db/feeds';
import { siteUrl } from '@/lib/config';
import { feedPaths } from '@/lib/feed-paths';
import { articleEntries, feedContentType, type FeedFormat, notFoundResponse, renderFeed, xmlResponse } from '@/lib/feeds';
import { parseSlug } from '@/lib/params';
import { site } from '@/lib/site';
import { answeredWhenStorageFails } from '@/app/storage-unavailable';

/**
 * GET handlers for the story feeds (site, section, author), in RSS at `feed.xml` and Atom at
 * `atom.xml`. They run per request (the origin is the server's SITE_URL, not the build's) on cached
 * reads from db/feeds.ts, so a feed costs no query until one of its tags is updated.
 */

export function siteFeed(format: FeedFormat) {
  return answeredWhenStorageFails('feeds', async function GET() {
    await connection();
    const items = await listFeedArticles();
    const xml = renderFeed(
      format,
      siteUrl(),
      { title: site.name, description: site.tagline, path: '/', self: feedPaths.site },
      articleEntries(items),
    );
    return xmlResponse(xml, feedContentType[format]);
  });
}

type SlugParams = { params: Promise<{ section?: string; slug?: string }> };

export function sectionFeed(format: FeedFormat) {
  return answeredWhenStorageFails('feeds', async function GET(_request: Request, { params }: SlugParams) {
    await connection();
    const slug = parseSlug((await params).section ?? '');
    const feed = slug ? await getSectionFeed(slug) : null;
    if (!feed) return notFoundResponse();
    const { section, items } = feed;
    const xml = renderFeed(
      format,
      siteUrl(),
      {
        title: `${section.name} | ${site.name}`,
        description: section.description || `The latest ${section.name} stories from ${site.name}.`,
        path: `/${section.slug}`,
        self: feedPaths.section(section.slug),
      },
      articleEntries(items),
    );
    return xmlResponse(xml, feedContentType[format]);
  });
}

export function authorFeed(format: FeedFormat) {
  return answeredWhenStorageFails('feeds', async function GET(_request: Request, { params }: SlugParams) {
    await connection();
    const slug = parseSlug((await params).slug ?? '');
    const feed = slug ? await getAuthorFeed(slug) : null;
    if (!feed) {
      // A renamed byline's feed: readers' subscriptions follow it to the new address.
      const moved = slug ? await findMovedAuthor(slug) : null;
      return moved ? new Response(null, { status: 308, headers: { Location: `${siteUrl()}${feedPaths.author(moved)[format]}` } }) : notFoundResponse();
    }
    const { author, items } = feed;
    const xml = renderFeed(
      format,
      siteUrl(),
      {
        title: `${author.name} | ${site.name}`,
        description: author.bio || `The latest stories by ${author.name} for ${site.name}.`,
        path: `/authors/${author.slug}`,
        self: feedPaths.author(author.slug),
      },
      articleEntries(items),
    );
    return xmlResponse(xml, feedContentType[format]);
  });
}
