import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { requireWriter } from '@/auth';
import { deskFilterChoices, getDeskStory, versionOf } from '@/db/stories';
import { authorOfUser } from '@/db/users';
import { maySaveStory } from '@/lib/story-form';
import { storyStatusNames, type ArticleStatus } from '@/lib/story-status';
import { canEditEveryStory } from '@/lib/user-roles';
import { StoryEditor } from './story-editor';

/** Where the form for this story posts without JavaScript, and is answered (./answer/[form]/page.tsx). */
export const storyAnswerAt = (storyId: number | null) => `/desk/stories/answer/${storyId === null ? 'new' : `edit-${storyId}`}`;

const savedNotices: Partial<Record<ArticleStatus, string>> = {
  draft: 'Saved as a draft.',
  review: 'Submitted for review: an editor will read it.',
  published: 'Published: readers see it now.',
};

/** The story form page: a new story (storyId null) or an existing one, for an account that may change it. */
export async function StoryPage({ storyId, saved }: { storyId: number | null; saved?: string }) {
  const staff = await requireWriter(storyId === null ? '/desk/stories/new' : `/desk/stories/${storyId}`);
  const story = storyId === null ? null : getDeskStory(storyId);
  if (storyId !== null && !story) notFound();
  const byline = authorOfUser(staff.id);
  if (!maySaveStory(staff.role, byline?.id ?? null, story)) forbidden();
  const everyStory = canEditEveryStory(staff.role);
  const choices = deskFilterChoices();
  const notice = saved && story && saved === story.status ? savedNotices[story.status] : undefined;
  return (
    <div className="story-page">
      <p className="story-page-back">
        <Link href="/desk/stories">← Stories</Link>
      </p>
      <h1>{story ? story.headline : 'New story'}</h1>
      {story ? (
        <p className="story-page-status">
          <span className={`story-status story-status-${story.status}`}>{storyStatusNames[story.status]}</span>
          {story.status === 'published' ? (
            <>
              {' '}
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
      <StoryEditor
        storyId={story?.id ?? null}
        version={story ? versionOf(story) : 0}
        initial={{
          headline: story?.headline ?? '',
          standfirst: story?.standfirst ?? '',
          body: story?.body ?? '',
          sectionId: story ? String(story.sectionId) : '',
          authorId: story ? String(story.authorId) : byline ? String(byline.id) : '',
          slug: story?.slug ?? '',
          featured: story?.featured ?? false,
          commentsOpen: story?.commentsOpen ?? true,
        }}
        sections={choices.sections}
        authors={choices.authors}
        everyStory={everyStory}
        published={story?.status === 'published'}
        answerAt={storyAnswerAt(story?.id ?? null)}
      />
    </div>
  );
}
