import { Bylines } from '@/components/bylines';
import Image from 'next/image';
import Link from 'next/link';
import type { ArticleCard } from '@/db/articles';
import { pluralize } from '@/lib/format';
import { TimeStamp } from './time-stamp';

export function articlePath(card: { sectionSlug: string; slug: string }) {
  return `/${card.sectionSlug}/${card.slug}`;
}

/** One story in a list: section, headline, standfirst, byline, time and comment count. */
export function StoryCard({
  story,
  headingLevel = 3,
  showPhoto = true,
  showCommentCount = true,
}: {
  story: ArticleCard;
  headingLevel?: 2 | 3;
  showPhoto?: boolean;
  showCommentCount?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const href = articlePath(story);
  return (
    <article className="story-card">
      {showPhoto && story.photoSrc && story.photoWidth && story.photoHeight ? (
        <Link href={href} className="story-card-photo" tabIndex={-1} aria-hidden="true">
          <Image
            src={story.photoSrc}
            alt=""
            width={story.photoWidth}
            height={story.photoHeight}
            sizes="(max-width: 640px) 34vw, 200px"
          />
        </Link>
      ) : null}
      <div className="story-card-text">
        <p className="kicker">
          <Link href={`/${story.sectionSlug}`}>{story.sectionName}</Link>
        </p>
        <Heading className="story-card-headline">
          <Link href={href}>{story.headline}</Link>
        </Heading>
        {story.standfirst ? <p className="story-card-standfirst">{story.standfirst}</p> : null}
        <p className="meta">
          <span className="byline">
            <Bylines bylines={story.bylines} />
          </span>
          {story.publishedAt ? <TimeStamp date={story.publishedAt} dateOnly /> : null}
          {showCommentCount ? (
            <Link href={`${href}#comments`} className="comment-count">
              {pluralize(story.commentCount, 'comment')}
            </Link>
          ) : null}
        </p>
      </div>
    </article>
  );
}

export function StoryList({ stories, label, headingLevel = 3 }: { stories: ArticleCard[]; label?: string; headingLevel?: 2 | 3 }) {
  return (
    <ol className="story-list" aria-label={label}>
      {stories.map((story) => (
        <li key={story.id}>
          <StoryCard story={story} headingLevel={headingLevel} />
        </li>
      ))}
    </ol>
  );
}
