import { bylineText } from '@/lib/bylines';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { requireWriter } from '@/auth';
import { deskFilterChoices, getDeskStory, getRevision, versionOf } from '@/db/stories';
import { authorOfUser } from '@/db/users';
import { formatDateTime } from '@/lib/format';
import { maySaveStory } from '@/lib/story-form';
import { changedFields, type StoryFields, storyFields, textDiff } from '@/lib/story-revision';
import { storyStatusNames } from '@/lib/story-status';
import { RestoreForm } from './restore-form';

/** Where the restore form posts without JavaScript, and is answered (./answer/[form]/page.tsx). */
export const revisionAnswerAt = (storyId: number, revisionId: number) => `/desk/stories/answer/compare-${storyId}-${revisionId}`;

const fieldNames: Record<keyof StoryFields, string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  body: 'Body',
  sectionId: 'Section',
  authorIds: 'Bylines',
  slug: 'Address',
  featured: 'Featured',
  commentsOpen: 'Comments open',
  status: 'Status',
  photoSrc: 'Photo',
  photoWidth: 'Photo width',
  photoHeight: 'Photo height',
  photoAlt: 'Alt text',
  photoCaption: 'Caption',
  photoCredit: 'Credit',
  topics: 'Topics',
};

/**
 * A revision beside the story as it is now: which fields differ, the headline, standfirst and body
 * word by word (removed text struck through, added text underlined), and a button that makes the
 * revision's text the current version again.
 */
export async function RevisionPage({ storyId, revisionId }: { storyId: number; revisionId: number }) {
  const staff = await requireWriter(`/desk/stories/${storyId}/revisions/${revisionId}`);
  const story = await getDeskStory(storyId);
  const revision = story ? await getRevision(story.id, revisionId) : null;
  if (!story || !revision) notFound();
  const byline = await authorOfUser(staff.id);
  if (!maySaveStory(staff.role, byline?.id ?? null, story)) forbidden();
  // Autosaves are their writer's own.
  if (revision.kind === 'autosave' && revision.userId !== staff.id) notFound();
  const current = storyFields(story);
  const older = storyFields(revision.fields);
  const changed = changedFields(older, current);
  const choices = await deskFilterChoices();
  const named = (key: keyof StoryFields, fields: StoryFields): string => {
    const value = fields[key];
    if (key === 'sectionId') return choices.sections.find((section) => section.id === value)?.name ?? `Section ${value}`;
    if (key === 'authorIds') return bylineText(fields.authorIds.map((id) => ({ name: choices.authors.find((author) => author.id === id)?.name ?? `Author ${id}` })));
    if (key === 'status') return storyStatusNames[fields.status];
    if (typeof value === 'boolean') return value ? 'Yes' : 'No';
    if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
    if (value === null || value === undefined || value === '') return '(none)';
    return String(value);
  };
  const what = revision.kind === 'autosave' ? 'Your unsaved changes' : 'Revision';
  return (
    <div className="story-page revision-page">
      <p className="story-page-back">
        <Link href={`/desk/stories/${story.id}`}>← {story.headline}</Link>
      </p>
      <h1>
        {what} of {formatDateTime(revision.createdAt)}, by {revision.userName}
      </h1>
      <p>
        Compared with the current version ({story.updatedAt ? `saved ${formatDateTime(story.updatedAt)}` : 'as first published'}
        {story.updatedByName ? ` by ${story.updatedByName}` : ''}).{' '}
        <span className="diff-key">
          <del>Struck through</del>: in this revision only. <ins>Underlined</ins>: in the current version only.
        </span>
      </p>
      {changed.length === 0 ? <p className="form-notice">This revision is the same as the current version.</p> : null}
      {changed.some((key) => key !== 'body') ? (
        <table className="desk-table revision-fields">
          <caption className="visually-hidden">Fields that differ</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">This revision</th>
              <th scope="col">Current version</th>
            </tr>
          </thead>
          <tbody>
            {changed
              .filter((key) => key !== 'body')
              .map((key) => (
                <tr key={key}>
                  <th scope="row">{fieldNames[key]}</th>
                  <td>{named(key, older)}</td>
                  <td>{named(key, current)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : null}
      <section aria-labelledby="body-diff-heading">
        <h2 id="body-diff-heading">Body{changed.includes('body') ? '' : ' (unchanged)'}</h2>
        <div className="revision-diff">
          {textDiff(older.body, current.body).map((part, index) =>
            part.kind === 'removed' ? <del key={index}>{part.text}</del> : part.kind === 'added' ? <ins key={index}>{part.text}</ins> : <span key={index}>{part.text}</span>,
          )}
        </div>
      </section>
      {revision.kind === 'autosave' ? (
        <p>
          <Link href={`/desk/stories/${story.id}?autosave=1`}>Put these changes back in the form</Link> to edit and save them.
        </p>
      ) : changed.length > 0 ? (
        <RestoreForm storyId={story.id} revisionId={revision.id} version={versionOf(story)} answerAt={revisionAnswerAt(story.id, revision.id)} published={story.status === 'published'} />
      ) : null}
    </div>
  );
}
