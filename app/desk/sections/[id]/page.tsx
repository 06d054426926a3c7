import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { parsePage, placeholderParam } from '@/lib/params';
import { SectionPage } from '../section-page';

export const metadata: Metadata = { title: 'Section' };

export const instant = false;

// Only a placeholder is prerendered (the build never reads the database).
export function generateStaticParams() {
  return [{ id: placeholderParam }];
}

export default async function EditSectionPage(props: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string | string[] }> }) {
  const id = parsePage((await props.params).id);
  if (id === null) notFound();
  const { saved } = await props.searchParams;
  return <SectionPage id={id} saved={saved === 'added' || saved === 'changed' ? saved : undefined} />;
}
