import { getSectionBySlug, listSectionArticles } from '@/db/articles';
import { findOldPathTarget } from '@/db/wordpress-addresses';
import { feedPaths } from '@/lib/feed-paths';
import { listingRoute } from '../listing-route';

export const sectionFront = listingRoute({
  kicker: 'Section',
  basePath: (section) => `/${section.slug}`,
  find: getSectionBySlug,
  // `/my-story`, an imported WordPress post's address under the `/%postname%/` structure: 308 (docs/wordpress-addresses.md).
  elsewhere: (slug) => findOldPathTarget(`/${slug}`),
  list: (section, page) => listSectionArticles(section.id, section.slug, page),
  describe: (section) => section.description,
  intro: (section) => (section.description ? <p className="listing-intro">{section.description}</p> : null),
  feeds: (section) => ({
    rss: [{ title: `${section.name} (RSS)`, url: feedPaths.section(section.slug).rss }],
    atom: [{ title: `${section.name} (Atom)`, url: feedPaths.section(section.slug).atom }],
  }),
});
