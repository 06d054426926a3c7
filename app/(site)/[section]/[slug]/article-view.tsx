import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { cacheLife } from 'next/cache';
import type { ReactNode } from 'react';
import { type FullArticle, getArticleBySlug, listRelatedArticles, type ArticleCard } from '@/db/articles';
import { getCommentSettings } from '@/db/settings';
import { MarkdownBody } from '@/components/markdown';
import { articlePath, StoryCard } from '@/components/story-card';
import { TimeStamp } from '@/components/time-stamp';
import { issueFormToken } from '@/lib/comment-cookies';
import { commentsAreClosed } from '@/lib/comment-rules';
import { pluralize, readingMinutes } from '@/lib/format';
import { parseSlug } from '@/lib/params';

export type ArticleParams = Promise<{ section: string; slug: string }>;

/**
 * Everything an article route needs, or the 404 / canonical redirect. Every read is a cached
 * function, so the routes that use this are stored whole as static pages.
 */
export async function loadArticle(params: ArticleParams) {
  const { section, slug: rawSlug } = await params;
  const slug = parseSlug(rawSlug);
  const article = slug ? await getArticleBySlug(slug) : null;
  if (!article) notFound();
  if (article.sectionSlug !== section) permanentRedirect(articlePath(article));
  const [related, settings] = await Promise.all([listRelatedArticles(article.id, article.sectionId), getCommentSettings()]);
  const open = await commentsOpenNow(article.commentsOpen, article.publishedAt, settings.closeAfterDays);
  return { article, related, settings, path: articlePath(article), open };
}

/**
 * Whether the form is offered. Closing N days after publication depends on the clock, so the answer
 * is cached for an hour at most (and the page with it), not for the page's whole life.
 */
async function commentsOpenNow(commentsOpen: boolean, publishedAt: Date | null, closeAfterDays: number | null) {
  'use cache';
  cacheLife('hours');
  return !commentsAreClosed({ commentsOpen, publishedAt }, { closeAfterDays }, new Date());
}

/** A signed "form shown at" time for the cached page; the form asks for a fresh one when used. */
export async function cachedFormToken() {
  'use cache';
  cacheLife('hours');
  return issueFormToken(new Date());
}

export async function articleMetadata(params: ArticleParams): Promise<Metadata> {
  const slug = parseSlug((await params).slug);
  const article = slug ? await getArticleBySlug(slug) : null;
  if (!article) return {};
  return {
    title: article.headline,
    description: article.standfirst,
    alternates: { canonical: articlePath(article) },
  };
}

export function ArticleView({ article, related, comments }: { article: FullArticle; related: ArticleCard[]; comments: ReactNode }) {
  const edited =
    article.updatedAt && article.publishedAt && article.updatedAt.getTime() > article.publishedAt.getTime();
  return (
    <div className="article-page">
      <article className="article" aria-labelledby="headline">
        <header className="article-header">
          <p className="kicker">
            <Link href={`/${article.sectionSlug}`}>{article.sectionName}</Link>
          </p>
          <h1 id="headline">{article.headline}</h1>
          {article.standfirst ? <p className="standfirst">{article.standfirst}</p> : null}
          <div className="article-meta">
            <p className="byline">
              By{' '}
              <Link href={`/authors/${article.authorSlug}`} rel="author">
                {article.authorName}
              </Link>
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
              priority
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
          <MarkdownBody source={article.body} />
        </div>

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
                <StoryCard story={story} />
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </div>
  );
}
