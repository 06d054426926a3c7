import { getTagBySlug, listTagArticles } from '@/db/articles';
import { listingRoute } from '../../listing-route';

export const tagPage = listingRoute({
  kicker: 'Topic',
  basePath: (tag) => `/tags/${tag.slug}`,
  find: getTagBySlug,
  list: (tag, page) => listTagArticles(tag.id, tag.slug, page),
  describe: (tag) => `Stories about ${tag.name}.`,
  intro: (tag) => <p className="listing-intro">Every story we have published about {tag.name}, newest first.</p>,
});
