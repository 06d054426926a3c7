import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { getArticleBySlug, listRelatedArticles } from '@/db/articles';
import { MarkdownBody } from '@/components/markdown';
import { articlePath, StoryCard } from '@/components/story-card';
import { TimeStamp } from '@/components/time-stamp';
import { pluralize, readingMinutes } from '@/lib/format';
import { parseSlug, placeholderParam } from '@/lib/params';

type Props = { params: Promise<{ section: string; slug: string }> };

export function generateStaticParams() {
  return [{ section: placeholderParam, slug: placeholderParam }];
}

async function load(props: Props) {
  const slug = parseSlug((await props.params).slug);
  return slug ? getArticleBySlug(slug) : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const article = await load(props);
  if (!article) return {};
  return {
    title: article.headline,
    description: article.standfirst,
    alternates: { canonical: articlePath(article) },
  };
}

export default async function ArticlePage(props: Props) {
  const { section } = await props.params;
  const article = await load(props);
  if (!article) notFound();
  if (article.sectionSlug !== section) permanentRedirect(articlePath(article));
  const related = await listRelatedArticles(article.id, article.sectionId);
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
              By <Link href={`/authors/${article.authorSlug}`} rel="author">{article.authorName}</Link>
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

      <section id="comments" className="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading">{pluralize(article.commentCount, 'Comment')}</h2>
      </section>

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
