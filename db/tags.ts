/**
 * Every cache tag in one place. A page is invalidated exactly when one of the tags its cached reads
 * carry is updated, so writers and readers must spell them the same way: always through here.
 */
export const tags = {
  /** Lists of the latest stories: home page, feeds. */
  latest: 'latest',
  /** The words and dates of published stories, where no list of cards carries them: search results and the sitemaps. */
  storyText: 'story-text',
  /** The list of sections (names, descriptions). */
  sections: 'sections',
  article: (id: number) => `article:${id}`,
  /** A lookup by slug, so that a 404 for a slug is forgotten once a story takes that slug. */
  articleSlug: (slug: string) => `article-slug:${slug}`,
  section: (slug: string) => `section:${slug}`,
  author: (slug: string) => `author:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  comments: (articleId: number) => `comments:${articleId}`,
  /** Settings that change how pages render (thread depth, comments per page, closing). */
  settings: 'settings',
  /** Where old WordPress addresses lead (db/wordpress-addresses.ts): expired by each import. */
  wordpressAddresses: 'wordpress-addresses',
} as const;
