/**
 * The shape of the sample site in db/sample/, as zod schemas: db/seed-content.ts checks every file
 * against them, so a misspelt field or a missing caption stops the seed with the file and field named.
 */
import { z } from 'zod';
import { sizedPhotoFiles } from '../lib/photo-sizes';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens');
const text = z.string().regex(/\S/, 'must not be empty');
/** With an offset, e.g. `2025-02-12T21:40:00Z`, so a story's moment does not depend on the server's zone. */
const moment = z.iso.datetime({ offset: true });

export const sectionSchema = z.strictObject({ slug, name: text, description: text });
export const authorSchema = z.strictObject({
  slug,
  name: text,
  /** One or two sentences, shown on the author page. */
  bio: text,
});

const photoSchema = z.strictObject({
  /** A file in public/images, named so that `npm start` makes its sized copies. */
  file: z
    .string()
    .refine((name) => sizedPhotoFiles(name).length > 0, 'must name a .jpg, .png or .webp in lower-case letters, digits and hyphens'),
  width: z.int().positive(),
  height: z.int().positive(),
  alt: text,
  caption: text,
  credit: text,
});

/** A reader's comment shown approved under the story, so its conversation does not start empty. */
const commentSchema = z.strictObject({
  name: text,
  email: z.email(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  postedAt: moment,
  body: text,
});

export const storyFrontMatterSchema = z
  .strictObject({
    headline: text,
    slug,
    /** A slug from sections.yaml. */
    section: slug,
    /** A slug from authors.yaml. */
    author: slug,
    standfirst: text,
    status: z.enum(['published', 'draft']),
    publishedAt: moment,
    /** When the story was edited after publication. */
    updatedAt: moment.optional(),
    /** The home page leads with the newest featured story. */
    featured: z.boolean().optional(),
    /** Tag names, e.g. `[Ukraine, Russia]`; their slugs are derived from them. */
    tags: z.array(text),
    photo: photoSchema,
    comments: z.array(commentSchema).optional(),
  })
  .refine((story) => !story.updatedAt || Date.parse(story.updatedAt) > Date.parse(story.publishedAt), {
    path: ['updatedAt'],
    message: 'must be later than publishedAt',
  });

export type SeedSection = z.infer<typeof sectionSchema>;
export type SeedAuthor = z.infer<typeof authorSchema>;
export type SeedComment = z.infer<typeof commentSchema>;

export type SeedPhoto = Omit<z.infer<typeof photoSchema>, 'file'> & {
  /** Path under public/, e.g. `/images/trump-putin-call.jpg`. */
  src: string;
};

export type SeedArticle = Omit<z.infer<typeof storyFrontMatterSchema>, 'photo'> & {
  /** Markdown: `##` subheadings, paragraphs, `-` and `1.` lists, `>` quotes. No raw HTML. */
  body: string;
  photo: SeedPhoto;
};
