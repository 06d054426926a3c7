import { site } from './site';

/** Where each feed lives, so pages link the same addresses that the routes serve. */
export const feedPaths = {
  site: { rss: '/feed.xml', atom: '/atom.xml' },
  section: (slug: string) => ({ rss: `/${slug}/feed.xml`, atom: `/${slug}/atom.xml` }),
  author: (slug: string) => ({ rss: `/authors/${slug}/feed.xml`, atom: `/authors/${slug}/atom.xml` }),
  comments: (sectionSlug: string, slug: string) => `/${sectionSlug}/${slug}/feed.xml`,
};

type Alternate = { title: string; url: string };

/**
 * `alternates.types` for the Metadata API: the site's feeds and then the page's own. A page that sets
 * `alternates` replaces the layout's whole object, so each one asks for the site's feeds again here.
 */
export function feedAlternates(own: { rss?: Alternate[]; atom?: Alternate[] } = {}) {
  return {
    'application/rss+xml': [{ title: `${site.name} (RSS)`, url: feedPaths.site.rss }, ...(own.rss ?? [])],
    'application/atom+xml': [{ title: `${site.name} (Atom)`, url: feedPaths.site.atom }, ...(own.atom ?? [])],
  };
}
