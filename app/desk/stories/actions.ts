'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { plainText, plainTextIfString } from '@/lib/plain-text';
import { canWrite, currentStaff } from '@/auth';
import { storyChanged } from '@/db/invalidate';
import { addCorrection, deskFilterChoices, getDeskStory, getRevision, saveStory, writeAutosave } from '@/db/stories';
import { authorOfUser } from '@/db/users';
import { formDataOf } from '@/lib/action-args';
import { formatDateTime } from '@/lib/format';
import { isStorageError, storageMessage } from '@/lib/storage-errors';
import { storeUploadedPhoto } from '@/lib/photo-upload';
import { storyFields } from '@/lib/story-revision';
import { canEditEveryStory } from '@/lib/user-roles';
import { BODY_MAX, CORRECTION_MAX, HEADLINE_MAX, maySaveStory, parseStoryForm, photoFieldValue, STANDFIRST_MAX, type StoryFieldName, type StoryFormValues, type StoryIntent, statusAfter, storyFormValues } from '@/lib/story-form';

export type StoryFormState =
  | { status: 'idle' }
  | {
      status: 'invalid';
      message: string;
      fieldErrors: Partial<Record<StoryFieldName, string>>;
      values: StoryFormValues;
      /** Counts the refusals in a row, so the form is drawn afresh with the typed values each time. */
      attempt: number;
    };

/** Why a button this account or this story's status does not allow was refused. */
const refusedIntents: Record<StoryIntent, string> = {
  save: 'This story cannot be saved now.',
  submit: 'Only a draft goes to review.',
  publish: 'Only an editor can publish.',
  schedule: 'Only an editor can schedule a story, and only one not yet published.',
  unpublish: 'Only an editor can take a story down, and only one that is published or scheduled.',
};

const Target = z.object({
  storyId: z.union([z.literal(''), z.coerce.number().int().positive()]).catch(-1),
  version: z.coerce.number().int().min(0).catch(-1),
});

/**
 * Saves the story form: a new story or a change to one, as a draft, for review or published, as the
 * account's role allows (lib/story-form.ts). Checks the session and role itself; refuses a save over
 * someone else's newer version; keeps the typed text on every refusal. A success goes to the story's
 * own form page (post, then redirect), with or without JavaScript.
 */
export async function saveStoryForm(previous: StoryFormState, submitted: FormData): Promise<StoryFormState> {
  const formData = formDataOf(previous, submitted);
  // Every field once, but the byline slots, which the form repeats.
  const raw = { ...Object.fromEntries(formData), authorIds: formData.getAll('authorIds') };
  const values = storyFormValues(raw);
  const attempt = (typeof previous === 'object' && previous !== null && 'status' in previous && previous.status === 'invalid' ? previous.attempt : 0) + 1;
  const refuse = (message: string, fieldErrors: Partial<Record<StoryFieldName, string>> = {}): StoryFormState => ({ status: 'invalid', message, fieldErrors, values, attempt });

  const staff = await currentStaff();
  if (!canWrite(staff)) return refuse('Sign in as an editor or an author to do that. Nothing was saved.');
  const target = Target.parse(raw);
  if (target.storyId === -1 || target.version === -1) return refuse('This form is not one the desk made. Nothing was saved.');
  const story = target.storyId === '' ? null : await getDeskStory(target.storyId);
  if (target.storyId !== '' && !story) return refuse('That story no longer exists. Nothing was saved.');
  const byline = await authorOfUser(staff.id);
  if (!maySaveStory(staff.role, byline?.id ?? null, story)) {
    return refuse(byline || staff.role !== 'author' ? 'This story is not yours to change. Nothing was saved.' : 'Your account has no byline yet: an admin links it first. Nothing was saved.');
  }

  // A photo chosen with this post is stored first, so that a refusal of any other field keeps it.
  const photoError = await takePhoto(formData.get('photoFile'), raw, values);
  const parsed = parseStoryForm(raw);
  if (!parsed.success || photoError) {
    const fieldErrors = { ...(parsed.success ? {} : parsed.fieldErrors), ...(photoError ? { photo: photoError } : {}) };
    return refuse('Please correct the fields marked below. Nothing was saved yet.', fieldErrors);
  }
  const input = parsed.data;
  const status = statusAfter(input.intent, staff.role, story?.status ?? null);
  if (!status) return refuse(`${refusedIntents[input.intent]} Nothing was saved.`);
  // An author writes under their own byline (an editor may add others) and does not choose the home page's lead.
  const everyStory = canEditEveryStory(staff.role);
  const authorIds = everyStory ? input.authorIds : (story?.authorIds ?? [byline!.id]);
  const featured = everyStory ? input.featured : (story?.featured ?? false);
  const choices = await deskFilterChoices();
  if (!choices.sections.some((section) => section.id === input.sectionId)) return refuse('Please correct the fields marked below.', { sectionId: 'Please choose a section.' });
  if (!authorIds.every((id) => choices.authors.some((author) => author.id === id))) {
    return refuse('Please correct the fields marked below.', { authorIds: 'Please choose bylines from the list.' });
  }

  let result;
  try {
    result = await saveStory(
      story?.id ?? null,
      target.version,
      {
        headline: input.headline,
        standfirst: input.standfirst,
        body: input.body,
        sectionId: input.sectionId,
        authorIds,
        slug: input.slug,
        featured,
        commentsOpen: input.commentsOpen,
        status,
        scheduledFor: input.publishAt,
        photoSrc: input.photoSrc,
        photoWidth: input.photoWidth,
        photoHeight: input.photoHeight,
        photoAlt: input.photoAlt,
        photoCaption: input.photoCaption,
        photoCredit: input.photoCredit,
        topics: input.topics,
      },
      { id: staff.id, name: staff.name },
    );
  } catch (error) {
    if (!isStorageError(error)) throw error;
    console.error('A story could not be saved:', (error as Error).message);
    return refuse(`${storageMessage} Your text is still here.`);
  }
  if (result.kind === 'not-found') return refuse('That story no longer exists. Nothing was saved.');
  if (result.kind === 'slug-taken') {
    const why = result.redirect ? `"${input.slug}" was another story’s address and still leads to it.` : `Another story already has the address "${input.slug}".`;
    return refuse('Please correct the fields marked below.', { slug: `${why} Please choose another.` });
  }
  if (result.kind === 'conflict') {
    const who = result.by ?? 'Someone (or the schedule)';
    const when = result.at ? ` at ${formatDateTime(result.at)}` : '';
    return refuse(`${who} saved this story${when}, after you opened it. Nothing was saved, so their version stands; your text is still here. Copy what you need, then open the story again to see theirs.`);
  }
  await storyChanged(result.before, result.after);
  redirect(`/desk/stories/${result.id}?saved=${result.after.status}`);
}

/**
 * Stores the photo file posted with the story form, if any, and puts it in the form's values (the
 * hidden `photo` field) as the story's photo; returns why it was refused, if it was.
 */
async function takePhoto(file: FormDataEntryValue | null, raw: Record<string, unknown>, values: StoryFormValues): Promise<string | undefined> {
  if (!(file instanceof File) || file.size === 0) return undefined;
  let stored;
  try {
    stored = await storeUploadedPhoto(file);
  } catch (error) {
    console.error('A photo could not be stored:', (error as Error).message);
    return 'The photo could not be stored: the media folder cannot be written (full or read-only). Your text is still here.';
  }
  if ('refused' in stored) return stored.refused;
  values.photo = photoFieldValue({ photoSrc: stored.src, photoWidth: stored.width, photoHeight: stored.height });
  values.removePhoto = false;
  raw.photo = values.photo;
  delete raw.removePhoto;
  return undefined;
}

/** The answer of a small desk form (a correction, a restore): a message, and what was typed on a refusal. */
export type DeskFormState = { status: 'idle' } | { status: 'invalid'; message: string; text: string; attempt: number };

const CorrectionInput = z.object({
  storyId: z.coerce.number().int().positive(),
  text: z.preprocess(plainTextIfString, z.string().trim().min(1, 'Please write the correction.').max(CORRECTION_MAX, `A correction has at most ${CORRECTION_MAX.toLocaleString('en-GB')} characters.`)),
});

/**
 * Adds a correction note to a published story (editors): shown on the story under "Correction"
 * and in its JSON-LD; the story's updated time changes and its pages are refreshed.
 */
export async function addCorrectionForm(previous: DeskFormState, submitted: FormData): Promise<DeskFormState> {
  const raw = Object.fromEntries(formDataOf(previous, submitted));
  const text = typeof raw.text === 'string' ? raw.text.slice(0, CORRECTION_MAX + 100) : '';
  const attempt = (typeof previous === 'object' && previous !== null && 'attempt' in previous ? Number(previous.attempt) || 0 : 0) + 1;
  const refuse = (message: string): DeskFormState => ({ status: 'invalid', message, text, attempt });
  const staff = await currentStaff();
  if (!canWrite(staff) || !canEditEveryStory(staff.role)) return refuse('Only an editor can correct a published story. Nothing was saved.');
  const parsed = CorrectionInput.safeParse(raw);
  if (!parsed.success) return refuse(parsed.error.issues[0]?.message ?? 'Please write the correction.');
  let result;
  try {
    result = await addCorrection(parsed.data.storyId, parsed.data.text, { id: staff.id, name: staff.name });
  } catch (error) {
    if (!isStorageError(error)) throw error;
    return refuse(`${storageMessage} Your text is still here.`);
  }
  if (result.kind === 'not-found') return refuse('That story no longer exists. Nothing was saved.');
  if (result.kind === 'not-published') return refuse('Corrections are for published stories: change a draft in its text. Nothing was saved.');
  await storyChanged(result.before, result.after);
  redirect(`/desk/stories/${parsed.data.storyId}?saved=correction`);
}

const RestoreInput = z.object({
  storyId: z.coerce.number().int().positive(),
  revisionId: z.coerce.number().int().positive(),
  version: z.coerce.number().int().min(0),
});

/**
 * Saves an older revision's text as the story's current version (a new revision; the story keeps its
 * status, so a published story changes for readers at once). The same checks as the story form: the
 * account's role and the story's version.
 */
export async function restoreRevisionForm(previous: DeskFormState, submitted: FormData): Promise<DeskFormState> {
  const raw = Object.fromEntries(formDataOf(previous, submitted));
  const refuse = (message: string): DeskFormState => ({ status: 'invalid', message, text: '', attempt: 1 });
  const staff = await currentStaff();
  if (!canWrite(staff)) return refuse('Sign in as an editor or an author to do that. Nothing was restored.');
  const parsed = RestoreInput.safeParse(raw);
  if (!parsed.success) return refuse('This form is not one the desk made. Nothing was restored.');
  const story = await getDeskStory(parsed.data.storyId);
  const revision = story && (await getRevision(story.id, parsed.data.revisionId));
  if (!story || !revision || revision.kind === 'autosave') return refuse('That revision no longer exists. Nothing was restored.');
  const byline = await authorOfUser(staff.id);
  if (!maySaveStory(staff.role, byline?.id ?? null, story)) return refuse('This story is not yours to change. Nothing was restored.');
  const fields = storyFields(revision.fields);
  const choices = await deskFilterChoices();
  const sectionId = choices.sections.some((section) => section.id === fields.sectionId) ? fields.sectionId : story.sectionId;
  const known = fields.authorIds.filter((id) => choices.authors.some((author) => author.id === id));
  const authorIds = canEditEveryStory(staff.role) && known.length > 0 ? known : story.authorIds;
  const featured = canEditEveryStory(staff.role) ? fields.featured : story.featured;
  let result;
  try {
    result = await saveStory(
      story.id,
      parsed.data.version,
      { ...fields, sectionId, authorIds, featured, status: story.status, scheduledFor: null },
      { id: staff.id, name: staff.name },
      'restore',
    );
  } catch (error) {
    if (!isStorageError(error)) throw error;
    return refuse(`${storageMessage} Nothing was restored.`);
  }
  if (result.kind === 'not-found') return refuse('That story no longer exists. Nothing was restored.');
  if (result.kind === 'slug-taken') return refuse(`Another story has this revision's address ("${fields.slug}") now. Nothing was restored: change the address in the form instead.`);
  if (result.kind === 'conflict') {
    return refuse(`${result.by ?? 'Someone'} saved this story${result.at ? ` at ${formatDateTime(result.at)}` : ''}, after you opened this comparison. Nothing was restored: compare again with their version.`);
  }
  await storyChanged(result.before, result.after);
  redirect(`/desk/stories/${story.id}?saved=restored`);
}

export type AutosaveAnswer = { ok: true; savedAt: string } | { ok: false; message: string };

const AutosaveInput = z.object({
  storyId: z.number().int().positive(),
  headline: z.string().max(HEADLINE_MAX + 100).transform(plainText),
  standfirst: z.string().max(STANDFIRST_MAX + 100).transform(plainText),
  body: z.string().max(BODY_MAX + 1000).transform(plainText),
});

/**
 * Keeps what a writer is typing in an existing story as their autosave (a revision of their own; the
 * story is unchanged until they save). Called by the form while they type, with JavaScript on.
 */
export async function autosaveStory(input: unknown): Promise<AutosaveAnswer> {
  const staff = await currentStaff();
  if (!canWrite(staff)) return { ok: false, message: 'Signed out: not autosaved.' };
  const parsed = AutosaveInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Too long to autosave.' };
  const story = await getDeskStory(parsed.data.storyId);
  if (!story) return { ok: false, message: 'This story no longer exists.' };
  const byline = await authorOfUser(staff.id);
  if (!maySaveStory(staff.role, byline?.id ?? null, story)) return { ok: false, message: 'Not yours to change: not autosaved.' };
  const { headline, standfirst, body } = parsed.data;
  try {
    const savedAt = await writeAutosave(story.id, { ...storyFields(story), headline, standfirst, body }, { id: staff.id, name: staff.name });
    return { ok: true, savedAt: savedAt.toISOString() };
  } catch (error) {
    if (!isStorageError(error)) throw error;
    return { ok: false, message: 'Not autosaved: the database cannot take writes.' };
  }
}
