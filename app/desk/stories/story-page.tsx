import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { requireWriter } from '@/auth';
import { deskFilterChoices, findAutosave, getDeskStory, listCorrections, listRevisions, listTopicNames, versionOf } from '@/db/stories';
import { authorOfUser } from '@/db/users';
import { formatDateTime } from '@/lib/format';
import { maySaveStory, photoFieldValue, publishAtFieldValue } from '@/lib/story-form';
import { storyFields } from '@/lib/story-revision';
import { storyStatusNames, type ArticleStatus } from '@/lib/story-status';
import { canEditEveryStory } from '@/lib/user-roles';
import { CorrectionForm } from './correction-form';
import { StoryEditor } from './story-editor';

/** Where the form for this story posts without JavaScript, and is answered (./answer/[form]/page.tsx). */
export const storyAnswerAt = (storyId: number | null) => `/desk/stories/answer/${storyId === null ? 'new' : `edit-${storyId}`}`;

const savedNotices: Partial<Record<ArticleStatus, string>> = {
  draft: 'Saved as a draft.',
  review: 'Submitted for review: an editor will read it.',
  published: 'Published: readers see it now.',
  scheduled: 'Scheduled: it appears on the site at the time shown.',
  unpublished: 'Unpublished: readers no longer see it, and its address answers “not found” until it is published again.',
};

const otherNotices: Record<string, string> = {
  correction: 'Correction added: readers see it on the story now.',
  restored: 'Revision restored: it is the current version now.',
};

/**
 * The story form page: a new story (storyId null) or an existing one, for an account that may change
 * it, with the story's corrections and revisions. `fromAutosave` fills the form with the writer's
 * unsaved text instead of the saved version.
 */
export async function StoryPage({ storyId, saved, fromAutosave = false }: { storyId: number | null; saved?: string; fromAutosave?: boolean }) {
  const staff = await requireWriter(storyId === null ? '/desk/stories/new' : `/desk/stories/${storyId}`);
  const story = storyId === null ? null : await getDeskStory(storyId);
  if (storyId !== null && !story) notFound();
  const byline = await authorOfUser(staff.id);
  if (!maySaveStory(staff.role, byline?.id ?? null, story)) forbidden();
  const everyStory = canEditEveryStory(staff.role);
  const choices = await deskFilterChoices();
  const notice = saved && story ? (saved === story.status ? savedNotices[story.status] : otherNotices[saved]) : undefined;
  const autosave = story ? await findAutosave(story.id, staff.id, story.updatedAt) : null;
  const typed = fromAutosave && autosave ? autosave.fields : story;
  const corrections = story && everyStory ? await listCorrections(story.id) : [];
  const revisions = story ? await listRevisions(story.id) : [];
  return (
    <div className="story-page">
      <p className="story-page-back">
        <Link href="/desk/stories">← Stories</Link>
      </p>
      <h1>{story ? story.headline : 'New story'}</h1>
      {story ? (
        <p className="story-page-status">
          <span className={`story-status story-status-${story.status}`}>{storyStatusNames[story.status]}</span>
          {story.status === 'scheduled' && story.publishedAt ? <> for {formatDateTime(story.publishedAt)}</> : null}
          {' '}
          <Link href={`/desk/stories/${story.id}/preview`} prefetch={false}>
            Preview
          </Link>
          {story.status === 'published' ? (
            <>
              {' · '}
              <a href={`/${story.sectionSlug}/${story.slug}`}>View on the site</a>
            </>
          ) : null}
        </p>
      ) : null}
      {notice ? (
        <p className="form-notice" role="status">
          {notice}
        </p>
      ) : null}
      {!everyStory && !byline ? (
        <p className="form-notice" role="status">
          Your account is not linked to a byline yet, so it cannot save stories. An admin links it with{' '}
          <code>npm run user:create -- --author your-slug</code>.
        </p>
      ) : null}
      {autosave && !fromAutosave ? (
        <p className="form-notice" role="status">
          You typed changes at {formatDateTime(autosave.createdAt)} that were not saved.{' '}
          <Link href={`/desk/stories/${story!.id}?autosave=1`}>Put them back in the form</Link> or{' '}
          <Link href={`/desk/stories/${story!.id}/revisions/${autosave.id}`}>compare them with the saved version</Link>.
        </p>
      ) : null}
      {fromAutosave && autosave ? (
        <p className="form-notice" role="status">
          The form holds your unsaved changes from {formatDateTime(autosave.createdAt)}. Save to keep them.
        </p>
      ) : null}
      <StoryEditor
        // A form for one version: a save, a restore or the autosave put back draws it afresh (Next keeps
        // a visited page's fields as they were typed when it shows the page again).
        key={`${story ? versionOf(story) : 'new'}${fromAutosave && autosave ? `-autosave-${autosave.id}` : ''}`}
        storyId={story?.id ?? null}
        version={story ? versionOf(story) : 0}
        initial={{
          headline: typed?.headline ?? '',
          standfirst: typed?.standfirst ?? '',
          body: typed?.body ?? '',
          sectionId: story ? String(story.sectionId) : '',
          authorIds: (typed ? storyFields(typed).authorIds : byline ? [byline.id] : []).map(String),
          slug: story?.slug ?? '',
          featured: story?.featured ?? false,
          commentsOpen: story?.commentsOpen ?? true,
          publishAt: story?.status === 'scheduled' ? publishAtFieldValue(story.publishedAt) : '',
          photo: typed ? photoFieldValue(storyFields(typed)) : '',
          photoAlt: typed?.photoAlt ?? '',
          photoCaption: typed?.photoCaption ?? '',
          photoCredit: typed?.photoCredit ?? '',
          removePhoto: false,
          topics: typed ? storyFields(typed).topics.join(', ') : '',
        }}
        topicNames={await listTopicNames()}
        sections={choices.sections}
        authors={choices.authors}
        everyStory={everyStory}
        status={story?.status ?? null}
        answerAt={storyAnswerAt(story?.id ?? null)}
        dirty={Boolean(fromAutosave && autosave)}
      />
      {story && everyStory && (story.status === 'published' || corrections.length > 0) ? (
        <section className="story-corrections" aria-labelledby="corrections-heading">
          <h2 id="corrections-heading">Corrections</h2>
          <CorrectionList corrections={corrections} />
          {story.status === 'published' ? <CorrectionForm storyId={story.id} answerAt={storyAnswerAt(story.id)} /> : null}
        </section>
      ) : null}
      {story ? <RevisionList storyId={story.id} revisions={revisions} /> : null}
    </div>
  );
}

function CorrectionList({ corrections }: { corrections: Awaited<ReturnType<typeof listCorrections>> }) {
  if (corrections.length === 0) return <p>None. A correction is shown on the story under “Correction”, with its time, and tells search engines.</p>;
  return (
    <ul className="story-correction-list">
      {corrections.map((correction) => (
        <li key={correction.id}>
          <strong>{formatDateTime(correction.createdAt)}</strong>
          {correction.byName ? ` (${correction.byName})` : ''}: {correction.text}
        </li>
      ))}
    </ul>
  );
}

const revisionKindNames = { save: 'Saved', restore: 'Restored', autosave: 'Autosaved' } as const;

function RevisionList({ storyId, revisions }: { storyId: number; revisions: Awaited<ReturnType<typeof listRevisions>> }) {
  return (
    <section className="story-revisions" aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">Revisions</h2>
      {revisions.length === 0 ? (
        <p>None yet: each save from now on keeps one.</p>
      ) : (
        <ol className="story-revision-list">
          {revisions.map((revision) => (
            <li key={revision.id}>
              {revisionKindNames[revision.kind]} {revision.userId === null && revision.userName === 'before the desk' ? 'before the desk' : `by ${revision.userName}`}, {formatDateTime(revision.createdAt)}.{' '}
              <Link href={`/desk/stories/${storyId}/revisions/${revision.id}`} prefetch={false}>
                Compare with the current version
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
