import { getAuthorBySlug, listAuthorArticles } from '@/db/articles';
import { listingRoute } from '../../listing-route';

export const authorPage = listingRoute({
  kicker: 'Author',
  basePath: (author) => `/authors/${author.slug}`,
  find: getAuthorBySlug,
  list: (author, page) => listAuthorArticles(author.id, author.slug, page),
  describe: (author) => author.bio,
  intro: (author) => (author.bio ? <p className="listing-intro">{author.bio}</p> : null),
});
