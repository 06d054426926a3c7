import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { ArticleView } from '@/app/(site)/[section]/[slug]/article-view';
import { requireWriter } from '@/auth';
import { getPreviewArticle } from '@/db/articles';
import { getDeskStory } from '@/db/stories';
import { authorOfUser } from '@/db/users';
import { parsePage, placeholderParam } from '@/lib/params';
import { maySaveStory } from '@/lib/story-form';
import { storyStatusNames } from '@/lib/story-status';

export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

export const instant = false;

// Only a placeholder is prerendered (the build never reads the database).
export function generateStaticParams() {
  return [{ id: placeholderParam }];
}

/**
 * `/desk/stories/ID/preview`: the story as readers will see it, drawn by the same components as its
 * public page, whatever its status; for the staff who may open the story on the desk, and no one else.
 */
export default async function PreviewStoryPage(props: { params: Promise<{ id: string }> }) {
  const id = parsePage((await props.params).id);
  if (id === null) notFound();
  const staff = await requireWriter(`/desk/stories/${id}/preview`);
  const story = await getDeskStory(id);
  if (!story) notFound();
  if (!maySaveStory(staff.role, (await authorOfUser(staff.id))?.id ?? null, story)) forbidden();
  const article = (await getPreviewArticle(id))!;
  return (
    <div className="story-preview">
      <p className="form-notice" role="status">
        Preview of the saved text ({storyStatusNames[story.status]}): {story.status === 'published' ? 'this is what readers see.' : 'not public; only the newsroom can open this address.'}{' '}
        <Link href={`/desk/stories/${id}`}>Back to the story</Link>
      </p>
      <ArticleView article={article} related={[]} comments={<p className="story-preview-comments">Comments open under the story once it is published.</p>} />
    </div>
  );
}
