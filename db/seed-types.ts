/** The shape of the sample content that `db/seed.ts` writes into an empty database. */

export type SeedSection = {
  slug: string;
  name: string;
  description: string;
};

export type SeedAuthor = {
  slug: string;
  name: string;
  /** One or two sentences, shown on the author page. */
  bio: string;
};

export type SeedPhoto = {
  /** Path under public/, e.g. `/images/trump-putin-call.jpg`. */
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
};

export type SeedArticle = {
  slug: string;
  /** A SeedSection slug. */
  section: string;
  /** A SeedAuthor slug. */
  author: string;
  headline: string;
  standfirst: string;
  /** Markdown: `##` subheadings, paragraphs, `-` and `1.` lists, `>` quotes. No raw HTML. */
  body: string;
  status: 'published' | 'draft';
  /** ISO 8601 with offset, e.g. `2025-02-12T21:40:00Z`. */
  publishedAt: string;
  /** ISO 8601, later than publishedAt, when the story was edited after publication. */
  updatedAt?: string;
  /** The home page leads with the newest featured story. */
  featured?: boolean;
  photo: SeedPhoto;
  /** Tag names, e.g. `['Ukraine', 'Russia']`; slugs are derived from them. */
  tags: string[];
};
