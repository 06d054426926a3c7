import { getSectionBySlug, listSectionArticles } from '@/db/articles';
import { listingRoute } from '../listing-route';

export const sectionFront = listingRoute({
  kicker: 'Section',
  basePath: (section) => `/${section.slug}`,
  find: getSectionBySlug,
  list: (section, page) => listSectionArticles(section.id, section.slug, page),
  describe: (section) => section.description,
  intro: (section) => (section.description ? <p className="listing-intro">{section.description}</p> : null),
});
