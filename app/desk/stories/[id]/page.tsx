import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { parsePage, placeholderParam } from '@/lib/params';
import { StoryPage } from '../story-page';

export const metadata: Metadata = { title: 'Edit story' };

export const instant = false;

// Only a placeholder is prerendered (the build never reads the database).
export function generateStaticParams() {
  return [{ id: placeholderParam }];
}

export default async function EditStoryPage(props: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string | string[]; autosave?: string | string[] }> }) {
  const id = parsePage((await props.params).id);
  if (id === null) notFound();
  const { saved, autosave } = await props.searchParams;
  return <StoryPage storyId={id} saved={typeof saved === 'string' ? saved : undefined} fromAutosave={autosave === '1'} />;
}
