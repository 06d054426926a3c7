import { Bylines } from '@/components/bylines';
import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLeadArticle, listLatestArticles } from '@/db/articles';
import { JsonLd } from '@/components/json-ld';
import { Pagination } from '@/components/pagination';
import { articlePath, StoryList } from '@/components/story-card';
import { TimeStamp } from '@/components/time-stamp';
import { siteUrl } from '@/lib/config';
import { feedAlternates } from '@/lib/feed-paths';
import { pluralize } from '@/lib/format';
import { parsePage, placeholderParam } from '@/lib/params';
import { site } from '@/lib/site';
import { webSiteJsonLd } from '@/lib/structured-data';

// The home page is served at `/` and `/?page=N` (see the rewrites in next.config.ts).
type Props = { params: Promise<{ page: string }> };

export function generateStaticParams() {
  return [{ page: placeholderParam }];
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { page } = await props.params;
  const n = parsePage(page);
  return {
    title: n && n > 1 ? `Latest stories, page ${n}` : { absolute: `${site.name}: ${site.tagline}` },
    alternates: { canonical: n && n > 1 ? `/?page=${n}` : '/', types: feedAlternates() },
  };
}

export default async function HomePage(props: Props) {
  const page = parsePage((await props.params).page);
  if (page === null) notFound();
  const lead = await getLeadArticle();
  const latest = await listLatestArticles(page, lead?.id);
  if (page > 1 && latest.items.length === 0) notFound();

  return (
    <div className="front">
      {page === 1 ? <JsonLd data={webSiteJsonLd(siteUrl())} /> : null}
      <h1 className="visually-hidden">{page === 1 ? `${site.name}: the latest news` : `Latest stories, page ${page}`}</h1>
      {page === 1 && lead ? (
        <article className="lead-story" aria-labelledby="lead-headline">
          {lead.photoSrc && lead.photoWidth && lead.photoHeight ? (
            <Link href={articlePath(lead)} className="lead-photo" tabIndex={-1} aria-hidden="true">
              <Image
                src={lead.photoSrc}
                alt=""
                width={lead.photoWidth}
                height={lead.photoHeight}
                sizes="(max-width: 900px) 100vw, 760px"
                // The page's largest paint: preloaded, and fetched ahead of the scripts.
                preload
                fetchPriority="high"
              />
            </Link>
          ) : null}
          <div className="lead-text">
            <p className="kicker">
              <Link href={`/${lead.sectionSlug}`}>{lead.sectionName}</Link>
            </p>
            <h2 id="lead-headline" className="lead-headline">
              <Link href={articlePath(lead)}>{lead.headline}</Link>
            </h2>
            <p className="lead-standfirst">{lead.standfirst}</p>
            <p className="meta">
              <span className="byline">
                <Bylines bylines={lead.bylines} />
              </span>
              {lead.publishedAt ? <TimeStamp date={lead.publishedAt} /> : null}
              <Link href={`${articlePath(lead)}#comments`} className="comment-count">
                {pluralize(lead.commentCount, 'comment')}
              </Link>
            </p>
          </div>
        </article>
      ) : null}
      <section aria-labelledby="latest-heading" className="latest">
        <h2 id="latest-heading" className="rule-heading">
          Latest stories
        </h2>
        {latest.items.length ? (
          <StoryList stories={latest.items} />
        ) : (
          <p>No stories have been published yet.</p>
        )}
        <Pagination basePath="/" page={page} pageCount={latest.pageCount} />
      </section>
    </div>
  );
}
