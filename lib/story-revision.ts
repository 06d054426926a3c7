import { diffWords } from 'diff';
import type { ArticleStatus } from './story-status';

/**
 * A story's revisions: what each keeps, and how two versions are compared on the desk. Pure rules;
 * db/stories.ts writes and reads them.
 */

/** `save`: a version saved from the form; `restore`: an older revision saved again; `autosave`: a writer's unsaved text. */
export const revisionKinds = ['save', 'restore', 'autosave'] as const;
export type RevisionKind = (typeof revisionKinds)[number];

/** Every field of the story form, as one revision keeps it. */
export type StoryFields = {
  headline: string;
  standfirst: string;
  body: string;
  status: ArticleStatus;
  sectionId: number;
  /** Its bylines, in the order printed. */
  authorIds: number[];
  slug: string;
  featured: boolean;
  commentsOpen: boolean;
  /** Its topics' names, in the order typed. */
  topics: string[];
} & StoryPhoto;

/** A story's photo: the file as uploaded (lib/photo-upload.ts) or seeded, and its words. */
export type StoryPhoto = {
  photoSrc: string | null;
  photoWidth: number | null;
  photoHeight: number | null;
  photoAlt: string | null;
  photoCaption: string | null;
  photoCredit: string | null;
};

/** A version as kept before a later field existed: one byline (`authorId`), no topics, no photo. */
type OlderFields = Omit<StoryFields, 'topics' | 'authorIds' | keyof StoryPhoto> &
  Partial<Pick<StoryFields, 'topics' | 'authorIds' | keyof StoryPhoto>> & { authorId?: number };

/** Every field of a story, from a row or an older revision that may lack the later ones (topics, photo, several bylines). */
export function storyFields(story: OlderFields): StoryFields {
  const { headline, standfirst, body, status, sectionId, slug, featured, commentsOpen } = story;
  const authorIds = story.authorIds ?? (story.authorId === undefined ? [] : [story.authorId]);
  const topics = story.topics ?? [];
  const { photoSrc = null, photoWidth = null, photoHeight = null, photoAlt = null, photoCaption = null, photoCredit = null } = story as Partial<StoryPhoto>;
  return { headline, standfirst, body, status, sectionId, authorIds, slug, featured, commentsOpen, topics, photoSrc, photoWidth, photoHeight, photoAlt, photoCaption, photoCredit };
}

/** A run of text in a comparison: kept, added (in the newer version) or removed (from the older). */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** Word by word, what changed from `older` to `newer`. */
export function textDiff(older: string, newer: string): DiffPart[] {
  return diffWords(older, newer).map((part) => ({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value }));
}

/** The fields whose values differ between two versions, in the form's order. */
export function changedFields(older: StoryFields, newer: StoryFields): (keyof StoryFields)[] {
  const order: (keyof StoryFields)[] = ['headline', 'standfirst', 'body', 'photoSrc', 'photoAlt', 'photoCaption', 'photoCredit', 'sectionId', 'authorIds', 'topics', 'slug', 'featured', 'commentsOpen', 'status'];
  const same = (a: unknown, b: unknown) => (Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a ?? []) === JSON.stringify(b ?? []) : (a ?? null) === (b ?? null));
  return order.filter((key) => !same(older[key], newer[key]));
}
