import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { parsePage, placeholderParam } from '@/lib/params';
import { BylinePage } from '../byline-page';

export const metadata: Metadata = { title: 'Byline' };

export const instant = false;

// Only a placeholder is prerendered (the build never reads the database).
export function generateStaticParams() {
  return [{ id: placeholderParam }];
}

export default async function EditBylinePage(props: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string | string[] }> }) {
  const id = parsePage((await props.params).id);
  if (id === null) notFound();
  const { saved } = await props.searchParams;
  return <BylinePage id={id} saved={saved === '1'} />;
}
