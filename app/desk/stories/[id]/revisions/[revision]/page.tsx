import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { parsePage, placeholderParam } from '@/lib/params';
import { RevisionPage } from '../../../revision-page';

export const metadata: Metadata = { title: 'Compare a revision' };

export const instant = false;

// Only a placeholder is prerendered (the build never reads the database).
export function generateStaticParams() {
  return [{ id: placeholderParam, revision: placeholderParam }];
}

/** `/desk/stories/ID/revisions/REV`: one revision beside the story's current version, and a way back to it. */
export default async function CompareRevisionPage(props: { params: Promise<{ id: string; revision: string }> }) {
  const params = await props.params;
  const id = parsePage(params.id);
  const revision = parsePage(params.revision);
  if (id === null || revision === null) notFound();
  return <RevisionPage storyId={id} revisionId={revision} />;
}
