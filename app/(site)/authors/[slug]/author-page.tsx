import Image from 'next/image';
import { findMovedAuthor, getAuthorBySlug, listAuthorArticles } from '@/db/articles';
import { feedPaths } from '@/lib/feed-paths';
import { listingRoute } from '../../listing-route';

export const authorPage = listingRoute({
  kicker: 'Author',
  basePath: (author) => `/authors/${author.slug}`,
  find: getAuthorBySlug,
  moved: async (slug) => {
    const now = await findMovedAuthor(slug);
    return now && `/authors/${now}`;
  },
  list: (author, page) => listAuthorArticles(author.id, author.slug, page),
  describe: (author) => author.bio,
  intro: (author) =>
    author.bio || author.photoSrc ? (
      <div className="author-intro">
        {author.photoSrc ? <Image src={author.photoSrc} alt="" width={120} height={120} sizes="120px" className="byline-photo" /> : null}
        {author.bio ? <p className="listing-intro">{author.bio}</p> : null}
      </div>
    ) : null,
  feeds: (author) => ({
    rss: [{ title: `${author.name} (RSS)`, url: feedPaths.author(author.slug).rss }],
    atom: [{ title: `${author.name} (Atom)`, url: feedPaths.author(author.slug).atom }],
  }),
});
