import slugify from '@sindresorhus/slugify';
import { z } from 'zod';
import type { ArticleStatus } from './story-status';
import { canEditEveryStory, type UserRole } from './user-roles';

/**
 * The newsroom desk's story form: what it takes, what it refuses and which status each button
 * leads to. Pure rules; the writes are db/stories.ts's and the checks of who may are also here.
 */

export const HEADLINE_MAX = 200;
export const STANDFIRST_MAX = 400;
export const BODY_MAX = 200_000;

/**
 * Second segments a story's address cannot take: a section's own pages (`/news/page/2`), and the
 * site's top-level names, so that no story reads like one of them.
 */
export const reservedStorySlugs: ReadonlySet<string> = new Set(['page', 'feed', 'atom', 'comments', 'reply', 'yours', 'desk', 'moderation', 'search', 'login', 'api', 'tags', 'authors', 'front', 'sitemap', 'robots']);

/** What each button of the form asks for. */
export const storyIntents = ['save', 'submit', 'publish'] as const;
export type StoryIntent = (typeof storyIntents)[number];

export type StoryFieldName = 'headline' | 'standfirst' | 'body' | 'sectionId' | 'authorId' | 'slug';

/** The form as typed, kept whole so that a refusal loses nothing. */
export type StoryFormValues = {
  headline: string;
  standfirst: string;
  body: string;
  sectionId: string;
  authorId: string;
  slug: string;
  featured: boolean;
  commentsOpen: boolean;
};

/** A slug made from a headline: lower case, ASCII, words joined by hyphens, at most 80 characters. */
export function slugFromHeadline(headline: string) {
  return slugify(headline).slice(0, 80).replace(/-+$/, '');
}

const text = (max: number, message: string) => z.string().trim().max(max, message);

const StoryInput = z.object({
  headline: text(HEADLINE_MAX, `A headline has at most ${HEADLINE_MAX} characters.`).min(1, 'Please write a headline.'),
  standfirst: text(STANDFIRST_MAX, `A standfirst has at most ${STANDFIRST_MAX} characters.`),
  body: z.string().max(BODY_MAX, `The body has at most ${BODY_MAX.toLocaleString('en-GB')} characters.`),
  sectionId: z.coerce.number({ error: 'Please choose a section.' }).int().positive('Please choose a section.'),
  authorId: z.coerce.number({ error: 'Please choose a byline.' }).int().positive('Please choose a byline.'),
  slug: z
    .string()
    .trim()
    .max(80, 'An address has at most 80 characters.')
    .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, 'An address takes lower-case letters, digits and single hyphens (such as budget-vote-delayed).'),
  featured: z.boolean(),
  commentsOpen: z.boolean(),
  intent: z.enum(storyIntents).catch('save'),
});

export type StoryInput = Omit<z.infer<typeof StoryInput>, 'slug'> & { slug: string };

/** The typed values, cut to size, for showing the form again. */
export function storyFormValues(raw: Record<string, unknown>): StoryFormValues {
  const field = (name: string, max: number) => (typeof raw[name] === 'string' ? (raw[name] as string).slice(0, max) : '');
  return {
    headline: field('headline', HEADLINE_MAX + 100),
    standfirst: field('standfirst', STANDFIRST_MAX + 100),
    body: field('body', BODY_MAX + 1000),
    sectionId: field('sectionId', 20),
    authorId: field('authorId', 20),
    slug: field('slug', 200),
    featured: raw.featured === 'on',
    commentsOpen: raw.commentsOpen === 'on',
  };
}

/**
 * Reads a posted story form. The slug falls back to one made from the headline; a body is needed
 * before anything goes to review or is published, not for a draft.
 */
export function parseStoryForm(raw: Record<string, unknown>):
  | { success: true; data: StoryInput }
  | { success: false; fieldErrors: Partial<Record<StoryFieldName, string>>; values: StoryFormValues } {
  const values = storyFormValues(raw);
  const parsed = StoryInput.safeParse({ ...values, intent: raw.intent });
  const fieldErrors: Partial<Record<StoryFieldName, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (key === 'headline' || key === 'standfirst' || key === 'body' || key === 'sectionId' || key === 'authorId' || key === 'slug') fieldErrors[key] ??= issue.message;
    }
    return { success: false, fieldErrors, values };
  }
  const data = { ...parsed.data, slug: parsed.data.slug || slugFromHeadline(parsed.data.headline) };
  if (!data.slug) fieldErrors.slug = 'Please give the story an address (its headline has no letters or digits to make one from).';
  else if (reservedStorySlugs.has(data.slug)) fieldErrors.slug = `"${data.slug}" is one of the site's own addresses. Please choose another.`;
  if (data.intent !== 'save' && data.body.trim() === '') fieldErrors.body = 'A story needs a body before it goes to an editor or is published.';
  if (Object.keys(fieldErrors).length > 0) return { success: false, fieldErrors, values };
  return { success: true, data };
}

/** May this account open and save this story (a new one when `story` is null)? */
export function maySaveStory(role: UserRole, ownAuthorId: number | null, story: { authorId: number; status: ArticleStatus } | null) {
  if (canEditEveryStory(role)) return true;
  if (role !== 'author' || ownAuthorId === null) return false;
  // An author writes under their own byline, until an editor takes the story on.
  return story === null || (story.authorId === ownAuthorId && (story.status === 'draft' || story.status === 'review'));
}

/** The status a saved story ends in, or null when this role may not ask for it. */
export function statusAfter(intent: StoryIntent, role: UserRole, current: ArticleStatus | null): ArticleStatus | null {
  if (intent === 'publish') return canEditEveryStory(role) ? 'published' : null;
  if (intent === 'submit') return current === null || current === 'draft' || current === 'review' ? 'review' : null;
  return current ?? 'draft';
}

