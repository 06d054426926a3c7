import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { parsePage, placeholderParam } from '@/lib/params';
import { BanPage } from '../ban-page';

export const metadata: Metadata = { title: 'Ban' };

export const instant = false;

// Only a placeholder is prerendered (the build never reads the database).
export function generateStaticParams() {
  return [{ id: placeholderParam }];
}

export default async function EditBanPage(props: { params: Promise<{ id: string }> }) {
  const id = parsePage((await props.params).id);
  if (id === null) notFound();
  return <BanPage id={id} />;
}
