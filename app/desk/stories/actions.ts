'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { canWrite, currentStaff } from '@/auth';
import { storyChanged } from '@/db/invalidate';
import { deskFilterChoices, getDeskStory, saveStory } from '@/db/stories';
import { authorOfUser } from '@/db/users';
import { formDataOf } from '@/lib/action-args';
import { formatDateTime } from '@/lib/format';
import { isStorageError, storageMessage } from '@/lib/storage-errors';
import { canEditEveryStory } from '@/lib/user-roles';
import { maySaveStory, parseStoryForm, type StoryFieldName, type StoryFormValues, statusAfter, storyFormValues } from '@/lib/story-form';

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
  const raw = Object.fromEntries(formData);
  const values = storyFormValues(raw);
  const attempt = (typeof previous === 'object' && previous !== null && 'status' in previous && previous.status === 'invalid' ? previous.attempt : 0) + 1;
  const refuse = (message: string, fieldErrors: Partial<Record<StoryFieldName, string>> = {}): StoryFormState => ({ status: 'invalid', message, fieldErrors, values, attempt });

  const staff = await currentStaff();
  if (!canWrite(staff)) return refuse('Sign in as an editor or an author to do that. Nothing was saved.');
  const target = Target.parse(raw);
  if (target.storyId === -1 || target.version === -1) return refuse('This form is not one the desk made. Nothing was saved.');
  const story = target.storyId === '' ? null : getDeskStory(target.storyId);
  if (target.storyId !== '' && !story) return refuse('That story no longer exists. Nothing was saved.');
  const byline = authorOfUser(staff.id);
  if (!maySaveStory(staff.role, byline?.id ?? null, story)) {
    return refuse(byline || staff.role !== 'author' ? 'This story is not yours to change. Nothing was saved.' : 'Your account has no byline yet: an admin links it first. Nothing was saved.');
  }

  const parsed = parseStoryForm(raw);
  if (!parsed.success) return refuse('Please correct the fields marked below. Nothing was saved yet.', parsed.fieldErrors);
  const input = parsed.data;
  // Until old addresses answer with a redirect, a published story keeps its address: links to it must not break.
  if (story?.status === 'published' && input.slug !== story.slug) {
    return refuse('Please correct the fields marked below.', { slug: `A published story keeps its address (${story.slug}), so that links to it keep working.` });
  }
  const status = statusAfter(input.intent, staff.role, story?.status ?? null);
  if (!status) return refuse('Only an editor can publish. Nothing was saved.');
  // An author writes under their own byline and does not choose the home page's lead.
  const everyStory = canEditEveryStory(staff.role);
  const authorId = everyStory ? input.authorId : byline!.id;
  const featured = everyStory ? input.featured : (story?.featured ?? false);
  const choices = deskFilterChoices();
  if (!choices.sections.some((section) => section.id === input.sectionId)) return refuse('Please correct the fields marked below.', { sectionId: 'Please choose a section.' });
  if (!choices.authors.some((author) => author.id === authorId)) return refuse('Please correct the fields marked below.', { authorId: 'Please choose a byline.' });

  let result;
  try {
    result = saveStory(
      story?.id ?? null,
      target.version,
      { headline: input.headline, standfirst: input.standfirst, body: input.body, sectionId: input.sectionId, authorId, slug: input.slug, featured, commentsOpen: input.commentsOpen, status },
      { id: staff.id, name: staff.name },
    );
  } catch (error) {
    if (!isStorageError(error)) throw error;
    console.error('A story could not be saved:', (error as Error).message);
    return refuse(`${storageMessage} Your text is still here.`);
  }
  if (result.kind === 'not-found') return refuse('That story no longer exists. Nothing was saved.');
  if (result.kind === 'slug-taken') return refuse('Please correct the fields marked below.', { slug: `Another story already has the address "${input.slug}". Please choose another.` });
  if (result.kind === 'conflict') {
    const who = result.by ?? 'Someone';
    const when = result.at ? ` at ${formatDateTime(result.at)}` : '';
    return refuse(`${who} saved this story${when}, after you opened it. Nothing was saved, so their version stands; your text is still here. Copy what you need, then open the story again to see theirs.`);
  }
  storyChanged(result.before, result.after);
  redirect(`/desk/stories/${result.id}?saved=${result.after.status}`);
}
