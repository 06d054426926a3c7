import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { placeholderParam } from '@/lib/params';
import { BylinePage } from '../../byline-page';

export const metadata: Metadata = { title: 'Byline' };

export const instant = false;

// Only a placeholder is prerendered: a real answer address is never, so a post to it gets a whole
// render with the form's answer in it.
export function generateStaticParams() {
  return [{ form: placeholderParam }];
}

/** The byline form as the answer to a post without JavaScript: the same page, with the action's answer. */
export default async function BylineAnswerPage(props: { params: Promise<{ form: string }> }) {
  const form = (await props.params).form;
  if (form === 'new') return <BylinePage id={null} />;
  const match = /^edit-(\d{1,12})$/.exec(form);
  if (!match) notFound();
  return <BylinePage id={Number(match[1])} />;
}
