import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireAdmin } from '@/auth';
import { placeholderParam } from '@/lib/params';
import { ImportPage } from '../../import-page';

export const metadata: Metadata = { title: 'Import from WordPress' };

export const instant = false;

// Only a placeholder is prerendered: a real answer address is never, so a post to it gets a whole
// render with the form's answer in it.
export function generateStaticParams() {
  return [{ form: placeholderParam }];
}

/** The Import form as the answer to a post without JavaScript: the same page, with the action's answer. */
export default async function ImportAnswerPage(props: { params: Promise<{ form: string }> }) {
  await requireAdmin('/desk/import');
  if ((await props.params).form !== 'start') notFound();
  return <ImportPage />;
}
