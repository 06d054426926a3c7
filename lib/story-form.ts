import slugify from '@sindresorhus/slugify';
import { z } from 'zod';
import { isSitePhotoSrc } from './photo-sizes';
import { plainText } from './plain-text';
import { localTimeFieldValue, parseLocalTime } from './local-time';
import { site } from './site';
import type { StoryPhoto } from './story-revision';
import type { ArticleStatus } from './story-status';
import { canEditEveryStory, type UserRole } from './user-roles';

/**
 * The newsroom desk's story form: what it takes, what it refuses and which status each button
 * leads to. Pure rules; the writes are db/stories.ts's and the checks of who may are also here.
 */

export const HEADLINE_MAX = 200;
export const STANDFIRST_MAX = 400;
export const BODY_MAX = 200_000;
export const CORRECTION_MAX = 2_000;
export const BYLINE_NAME_MAX = 80;
export const BYLINE_BIO_MAX = 600;

/**
 * Second segments a story's address cannot take: a section's own pages (`/news/page/2`), and the
 * site's top-level names, so that no story reads like one of them.
 */
export const reservedStorySlugs: ReadonlySet<string> = new Set(['page', 'feed', 'atom', 'comments', 'reply', 'yours', 'desk', 'moderation', 'search', 'login', 'api', 'tags', 'authors', 'front', 'sitemap', 'robots', 'media']);

/** What each button of the form asks for. */
export const storyIntents = ['save', 'submit', 'publish', 'schedule', 'unpublish'] as const;
export type StoryIntent = (typeof storyIntents)[number];

export type StoryFieldName = 'headline' | 'standfirst' | 'body' | 'sectionId' | 'authorIds' | 'slug' | 'publishAt' | 'photo' | 'photoAlt' | 'photoCaption' | 'photoCredit' | 'topics';

export const TOPICS_MAX = 10;
/** Bylines on one story. */
export const BYLINES_MAX = 6;
export const TOPIC_NAME_MAX = 40;

/**
 * The topics typed in the form (names separated by commas): trimmed, inner spaces closed up, the
 * same topic once (by its address), in the order typed. A name is an existing topic's when it makes
 * the same address; otherwise the save creates it.
 */
export function parseTopics(text: string): { names: string[]; error?: string } {
  const names: string[] = [];
  const slugs = new Set<string>();
  for (const part of text.split(',')) {
    const name = part.replace(/\s+/g, ' ').trim();
    if (!name) continue;
    if (name.length > TOPIC_NAME_MAX) return { names, error: `A topic has at most ${TOPIC_NAME_MAX} characters (“${name.slice(0, 20)}…”).` };
    const slug = slugFromHeadline(name);
    if (!slug) return { names, error: `“${name}” has no letters or digits to make a topic of.` };
    if (slugs.has(slug)) continue;
    slugs.add(slug);
    names.push(name);
  }
  if (names.length > TOPICS_MAX) return { names, error: `At most ${TOPICS_MAX} topics a story.` };
  return { names };
}

export const PHOTO_TEXT_MAX = 300;

/** How far ahead a story can be scheduled. */
export const SCHEDULE_MAX_DAYS = 366;

/** The form as typed, kept whole so that a refusal loses nothing. */
export type StoryFormValues = {
  headline: string;
  standfirst: string;
  body: string;
  sectionId: string;
  /** The bylines chosen, slot by slot (an empty slot is ''). */
  authorIds: string[];
  slug: string;
  featured: boolean;
  commentsOpen: boolean;
  /** When to publish, as a `datetime-local` field gives it: the site's own time zone, to the minute. */
  publishAt: string;
  /** The story's photo as the form carries it between posts (`src|width|height`), so an upload survives a refusal. */
  photo: string;
  photoAlt: string;
  photoCaption: string;
  photoCredit: string;
  removePhoto: boolean;
  /** Topic names separated by commas. */
  topics: string;
};

/** The form's hidden photo value for a photo, or '' for none. */
export const photoFieldValue = (photo: { photoSrc: string | null; photoWidth: number | null; photoHeight: number | null }) =>
  photo.photoSrc && photo.photoWidth && photo.photoHeight ? `${photo.photoSrc}|${photo.photoWidth}|${photo.photoHeight}` : '';

/** A photo this site stored: an upload (`/media/<hash>.webp`) or one of its own images; anything else is not a photo. */
export function parsePhotoField(value: string): { src: string; width: number; height: number } | null {
  const match = /^([^|]+)\|(\d{1,5})\|(\d{1,5})$/.exec(value);
  if (!match || !isSitePhotoSrc(match[1]!)) return null;
  return { src: match[1]!, width: Number(match[2]), height: Number(match[3]) };
}

/** The publish time as its field shows it, and the instant a typed one names (lib/local-time.ts). */
export const publishAtFieldValue = localTimeFieldValue;
export const parsePublishAt = parseLocalTime;

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
  authorIds: z
    .array(z.string())
    .transform((slots) => slots.filter((slot) => slot !== ''))
    .pipe(
      z
        .array(z.coerce.number<string>({ error: 'Please choose bylines from the list.' }).int('Please choose bylines from the list.').positive('Please choose bylines from the list.'))
        .min(1, 'Please choose a byline.')
        .max(BYLINES_MAX, `A story has at most ${BYLINES_MAX} bylines.`)
        .refine((ids) => new Set(ids).size === ids.length, 'The same byline is chosen twice. Please choose each once.'),
    ),
  slug: z
    .string()
    .trim()
    .max(80, 'An address has at most 80 characters.')
    .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, 'An address takes lower-case letters, digits and single hyphens (such as budget-vote-delayed).'),
  featured: z.boolean(),
  commentsOpen: z.boolean(),
  intent: z.enum(storyIntents).catch('save'),
});

export type StoryInput = Omit<z.infer<typeof StoryInput>, 'slug'> & { slug: string; publishAt: Date | null; topics: string[] } & StoryPhoto;

/** The typed values, cut to size, for showing the form again. */
export function storyFormValues(raw: Record<string, unknown>): StoryFormValues {
  const field = (name: string, max: number) => (typeof raw[name] === 'string' ? plainText(raw[name] as string).slice(0, max) : '');
  return {
    headline: field('headline', HEADLINE_MAX + 100),
    standfirst: field('standfirst', STANDFIRST_MAX + 100),
    body: field('body', BODY_MAX + 1000),
    sectionId: field('sectionId', 20),
    authorIds: slots(raw.authorIds),
    slug: field('slug', 200),
    featured: raw.featured === 'on',
    commentsOpen: raw.commentsOpen === 'on',
    publishAt: field('publishAt', 40),
    photo: field('photo', 200),
    photoAlt: field('photoAlt', PHOTO_TEXT_MAX + 100),
    photoCaption: field('photoCaption', PHOTO_TEXT_MAX + 100),
    photoCredit: field('photoCredit', PHOTO_TEXT_MAX + 100),
    removePhoto: raw.removePhoto === 'on',
    topics: field('topics', 1000),
  };
}

/**
 * Reads a posted story form. The slug falls back to one made from the headline; a body is needed
 * before anything goes to review or is published, not for a draft; a schedule needs a time to come.
 */
export function parseStoryForm(raw: Record<string, unknown>, now = new Date()):
  | { success: true; data: StoryInput }
  | { success: false; fieldErrors: Partial<Record<StoryFieldName, string>>; values: StoryFormValues } {
  const values = storyFormValues(raw);
  const parsed = StoryInput.safeParse({ ...values, intent: raw.intent });
  const fieldErrors: Partial<Record<StoryFieldName, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (key === 'headline' || key === 'standfirst' || key === 'body' || key === 'sectionId' || key === 'authorIds' || key === 'slug') fieldErrors[key] ??= issue.message;
    }
    return { success: false, fieldErrors, values };
  }
  const photo = values.removePhoto ? null : parsePhotoField(values.photo);
  const words = (text: string) => text.trim() || null;
  const data = {
    ...parsed.data,
    slug: parsed.data.slug || slugFromHeadline(parsed.data.headline),
    publishAt: null as Date | null,
    photoSrc: photo?.src ?? null,
    photoWidth: photo?.width ?? null,
    photoHeight: photo?.height ?? null,
    photoAlt: photo ? words(values.photoAlt) : null,
    photoCaption: photo ? words(values.photoCaption) : null,
    photoCredit: photo ? words(values.photoCredit) : null,
    topics: [] as string[],
  };
  const topics = parseTopics(values.topics);
  if (topics.error) fieldErrors.topics = topics.error;
  data.topics = topics.names;
  if (photo && !data.photoAlt) fieldErrors.photoAlt = 'Please describe the photo for readers who cannot see it (alt text).';
  for (const key of ['photoAlt', 'photoCaption', 'photoCredit'] as const) {
    if (values[key].trim().length > PHOTO_TEXT_MAX) fieldErrors[key] = `At most ${PHOTO_TEXT_MAX} characters.`;
  }
  if (data.intent === 'schedule') {
    const at = parsePublishAt(values.publishAt);
    if (!values.publishAt) fieldErrors.publishAt = 'Please choose when to publish it.';
    else if (!at) fieldErrors.publishAt = 'Please give a date and a time, such as 2026-12-24 07:00.';
    else if (at.getTime() <= now.getTime()) fieldErrors.publishAt = `That time has passed (it is ${publishAtFieldValue(now).replace('T', ' ')} in ${site.timeZoneName} now). Please choose a time to come, or publish now.`;
    else if (at.getTime() > now.getTime() + SCHEDULE_MAX_DAYS * 86_400_000) fieldErrors.publishAt = `A story can be scheduled at most ${SCHEDULE_MAX_DAYS} days ahead.`;
    else data.publishAt = at;
  }
  if (!data.slug) fieldErrors.slug = 'Please give the story an address (its headline has no letters or digits to make one from).';
  else if (reservedStorySlugs.has(data.slug)) fieldErrors.slug = `"${data.slug}" is one of the site's own addresses. Please choose another.`;
  if (data.intent !== 'save' && data.intent !== 'unpublish' && data.body.trim() === '') fieldErrors.body = 'A story needs a body before it goes to an editor or is published.';
  if (Object.keys(fieldErrors).length > 0) return { success: false, fieldErrors, values };
  return { success: true, data };
}

/** The form's byline slots as posted (one value, several, or none), each cut to size. */
function slots(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.slice(0, BYLINES_MAX + 5).map((slot) => (typeof slot === 'string' ? slot.trim().slice(0, 20) : ''));
}

/** May this account open and save this story (a new one when `story` is null)? */
export function maySaveStory(role: UserRole, ownAuthorId: number | null, story: { authorIds: number[]; status: ArticleStatus } | null) {
  if (canEditEveryStory(role)) return true;
  if (role !== 'author' || ownAuthorId === null) return false;
  // An author writes under their own byline, until an editor takes the story on.
  return story === null || (story.authorIds.includes(ownAuthorId) && (story.status === 'draft' || story.status === 'review'));
}

/**
 * The status a saved story ends in, or null when this role may not ask for it here. Editors publish,
 * schedule (a story not yet public) and unpublish (a published story goes off the site; a scheduled
 * one back to draft); authors save and submit.
 */
export function statusAfter(intent: StoryIntent, role: UserRole, current: ArticleStatus | null): ArticleStatus | null {
  const editor = canEditEveryStory(role);
  switch (intent) {
    case 'publish':
      return editor ? 'published' : null;
    case 'schedule':
      return editor && current !== 'published' ? 'scheduled' : null;
    case 'unpublish':
      if (!editor) return null;
      return current === 'published' ? 'unpublished' : current === 'scheduled' ? 'draft' : null;
    case 'submit':
      return current === null || current === 'draft' || current === 'review' ? 'review' : null;
    case 'save':
      return current ?? 'draft';
  }
}

/**
 * When a story with this status was, is or will be published: kept from before for a story that has
 * been public (a correction or a republish does not make it new), the scheduled time for a scheduled
 * one, now for a first publication, none for a draft (a cancelled schedule forgets its time).
 */
export function publishedAtAfter(
  status: ArticleStatus,
  before: { status: ArticleStatus; publishedAt: Date | null } | null,
  scheduledFor: Date | null,
  now: Date,
): Date | null {
  const wasPublic = before?.status === 'published' || before?.status === 'unpublished';
  switch (status) {
    case 'scheduled':
      return scheduledFor ?? before?.publishedAt ?? null;
    case 'published':
    case 'unpublished':
      return wasPublic ? (before?.publishedAt ?? now) : now;
    default:
      return before?.status === 'scheduled' ? null : (before?.publishedAt ?? null);
  }
}

