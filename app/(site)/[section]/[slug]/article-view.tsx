import { authorPath } from '@/lib/bylines';
import { Bylines } from '@/components/bylines';
import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { cacheLife } from 'next/cache';
import type { ReactNode } from 'react';
import { type FullArticle, findMovedArticle, getArticleBySlug, listRelatedArticles, type ArticleCard } from '@/db/articles';
import { getCommentSettings } from '@/db/settings';
import { findOldPathTarget } from '@/db/wordpress-addresses';
import { JsonLd } from '@/components/json-ld';
import { MarkdownBody } from '@/components/markdown';
import { articlePath, StoryCard } from '@/components/story-card';
import { TimeStamp } from '@/components/time-stamp';
import { issueFormToken } from '@/lib/comment-cookies';
import { commentsAreClosed } from '@/lib/comment-rules';
import { siteUrl } from '@/lib/config';
import { feedAlternates, feedPaths } from '@/lib/feed-paths';
import { pluralize, readingMinutes } from '@/lib/format';
import { parseSlug, placeholderParam } from '@/lib/params';
import { site } from '@/lib/site';
import { socialCardPath, socialCardSize } from '@/lib/social-card';
import { breadcrumbJsonLd, newsArticleJsonLd } from '@/lib/structured-data';

export type ArticleParams = Promise<{ section: string; slug: string }>;

/**
 * Everything an article route needs, or the 404 / canonical redirect. Every read is a cached
 * function, so the routes that use this are stored whole as static pages.
 */
export async function loadArticle(params: ArticleParams) {
  const { section, slug: rawSlug } = await params;
  const slug = parseSlug(rawSlug);
  const article = slug ? await getArticleBySlug(slug) : null;
  if (!article) {
    // An address the story had before an editor changed it leads to the one it has now.
    const moved = slug ? await findMovedArticle(slug) : null;
    if (moved) permanentRedirect(moved);
    // An imported WordPress post's old address of two segments (`/politics/my-story`, `/my-story/feed`,
    // `/my-story/comment-page-2`): a page can answer 308, not 301 (docs/wordpress-addresses.md).
    // (Not for the build's placeholder path, whose render must never open the database.)
    const old = section === placeholderParam ? null : await findOldPathTarget(`/${section}/${rawSlug}`);
    if (old) permanentRedirect(old);
    notFound();
  }
  if (article.sectionSlug !== section) permanentRedirect(articlePath(article));
  const [related, settings] = await Promise.all([listRelatedArticles(article.id, article.sectionId), getCommentSettings()]);
  const open = await commentsOpenNow(article.commentsOpen, article.publishedAt, settings.closeAfterDays);
  return { article, related, settings, path: articlePath(article), open };
}

/**
 * Whether the form is offered. Closing N days after publication depends on the clock, so the answer
 * is cached for a minute at most (the "content" profile), not for the page's whole life.
 */
async function commentsOpenNow(commentsOpen: boolean, publishedAt: Date | null, closeAfterDays: number | null) {
  'use cache';
  cacheLife('content');
  return !commentsAreClosed({ commentsOpen, publishedAt }, { closeAfterDays }, new Date());
}

/**
 * The story's body, rendered from its Markdown once per text: parsing it (remark, GFM, sanitizing) was
 * a seventh of what a reader's own view of a story cost (the page rendered for one reader, with their
 * held comment), and of every re-render after an approval. The text is the key, so an edited story
 * gets its new body at once and nothing needs invalidating.
 */
async function StoryBody({ source }: { source: string }) {
  'use cache';
  cacheLife('max');
  return <MarkdownBody source={source} />;
}

/** A signed "form shown at" time for the cached page; the form asks for a fresh one when used. */
export async function cachedFormToken() {
  'use cache';
  cacheLife('content');
  return issueFormToken(new Date());
}

/** The story's own photo, or else its generated card: what social networks and search engines show. */
function shareImage(article: FullArticle) {
  if (article.photoSrc && article.photoWidth && article.photoHeight) {
    return { url: article.photoSrc, width: article.photoWidth, height: article.photoHeight, alt: article.photoAlt || article.headline };
  }
  return { url: socialCardPath(articlePath(article)), ...socialCardSize, alt: article.headline };
}

/** The later of publication and the last edit. */
function modifiedAt(article: FullArticle) {
  const { publishedAt, updatedAt } = article;
  return updatedAt && publishedAt && updatedAt > publishedAt ? updatedAt : publishedAt;
}

export async function articleMetadata(params: ArticleParams): Promise<Metadata> {
  const slug = parseSlug((await params).slug);
  const article = slug ? await getArticleBySlug(slug) : null;
  if (!article) return {};
  const origin = siteUrl();
  const path = articlePath(article);
  const url = `${origin}${path}`;
  const image = shareImage(article);
  const images = [{ ...image, url: new URL(image.url, `${origin}/`).toString() }];
  const description = article.standfirst || undefined;
  return {
    title: article.headline,
    description,
    authors: article.bylines.map((byline) => ({ name: byline.name, url: `${origin}${authorPath(byline)}` })),
    keywords: article.tags.map((tag) => tag.name),
    alternates: {
      canonical: url,
      types: feedAlternates({
        rss: [{ title: `Comments on “${article.headline}”`, url: feedPaths.comments(article.sectionSlug, article.slug) }],
      }),
    },
    openGraph: {
      type: 'article',
      url,
      siteName: site.name,
      locale: site.language.replace('-', '_'),
      title: article.headline,
      description,
      publishedTime: article.publishedAt?.toISOString(),
      modifiedTime: modifiedAt(article)?.toISOString(),
      section: article.sectionName,
      authors: article.bylines.map((byline) => `${origin}${authorPath(byline)}`),
      tags: article.tags.map((tag) => tag.name),
      images,
    },
    twitter: { card: 'summary_large_image', title: article.headline, description, images },
  };
}

export function ArticleView({ article, related, comments }: { article: FullArticle; related: ArticleCard[]; comments: ReactNode }) {
  const edited =
    article.updatedAt && article.publishedAt && article.updatedAt.getTime() > article.publishedAt.getTime();
  const origin = siteUrl();
  const path = articlePath(article);
  return (
    <div className="article-page">
      <JsonLd
        data={newsArticleJsonLd(origin, {
          ...article,
          path,
          updatedAt: modifiedAt(article),
          image: shareImage(article),
        })}
      />
      <JsonLd
        data={breadcrumbJsonLd(origin, [
          { name: site.name, path: '/' },
          { name: article.sectionName, path: `/${article.sectionSlug}` },
          { name: article.headline, path },
        ])}
      />
      <article className="article" aria-labelledby="headline">
        <header className="article-header">
          <p className="kicker">
            <Link href={`/${article.sectionSlug}`}>{article.sectionName}</Link>
          </p>
          <h1 id="headline">{article.headline}</h1>
          {article.standfirst ? <p className="standfirst">{article.standfirst}</p> : null}
          <div className="article-meta">
            <p className="byline">
              <Bylines bylines={article.bylines} rel="author" />
            </p>
            <p className="dates">
              {article.publishedAt ? (
                <span>
                  Published <TimeStamp date={article.publishedAt} />
                </span>
              ) : null}
              {edited ? (
                <span>
                  Updated <TimeStamp date={article.updatedAt!} />
                </span>
              ) : null}
            </p>
            <p className="article-extras">
              <span>{readingMinutes(article.body)} min read</span>
              <a href="#comments" className="comment-count">
                {pluralize(article.commentCount, 'comment')}
              </a>
            </p>
          </div>
        </header>

        {article.photoSrc && article.photoWidth && article.photoHeight ? (
          <figure className="article-photo">
            <Image
              src={article.photoSrc}
              alt={article.photoAlt ?? ''}
              width={article.photoWidth}
              height={article.photoHeight}
              sizes="(max-width: 800px) 100vw, 800px"
              // The page's largest paint: preloaded, and fetched ahead of the scripts.
              preload
              fetchPriority="high"
            />
            {article.photoCaption || article.photoCredit ? (
              <figcaption>
                {article.photoCaption}
                {article.photoCredit ? <span className="credit"> {article.photoCredit}</span> : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}

        <div className="article-body">
          <StoryBody source={article.body} />
        </div>

        {article.corrections.length ? (
          <section className="article-corrections" aria-labelledby="corrections-heading">
            <h2 id="corrections-heading">{article.corrections.length === 1 ? 'Correction' : 'Corrections'}</h2>
            {article.corrections.map((correction) => (
              <p key={correction.id}>
                <TimeStamp date={correction.createdAt} />: {correction.text}
              </p>
            ))}
          </section>
        ) : null}

        {article.tags.length ? (
          <footer className="article-tags">
            <h2 className="visually-hidden">Topics</h2>
            <ul aria-label="Topics">
              {article.tags.map((tag) => (
                <li key={tag.slug}>
                  <Link href={`/tags/${tag.slug}`}>{tag.name}</Link>
                </li>
              ))}
            </ul>
          </footer>
        ) : null}
      </article>

      {comments}

      {related.length ? (
        <aside className="related" aria-labelledby="related-heading">
          <h2 id="related-heading" className="rule-heading">
            Read next
          </h2>
          <ul className="related-list">
            {related.map((story) => (
              <li key={story.id}>
                <StoryCard story={story} showCommentCount={false} />
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </div>
  );
}
