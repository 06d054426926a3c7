import { getAuthorBySlug, listAuthorArticles } from '@/db/articles';
import { feedPaths } from '@/lib/feed-paths';
import { listingRoute } from '../../listing-route';

export const authorPage = listingRoute({
  kicker: 'Author',
  basePath: (author) => `/authors/${author.slug}`,
  find: getAuthorBySlug,
  list: (author, page) => listAuthorArticles(author.id, author.slug, page),
  describe: (author) => author.bio,
  intro: (author) => (author.bio ? <p className="listing-intro">{author.bio}</p> : null),
  feeds: (author) => ({
    rss: [{ title: `${author.name} (RSS)`, url: feedPaths.author(author.slug).rss }],
    atom: [{ title: `${author.name} (Atom)`, url: feedPaths.author(author.slug).atom }],
  }),
});
