import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { placeholderParam } from '@/lib/params';
import { BanPage } from '../../ban-page';

export const metadata: Metadata = { title: 'Ban' };

export const instant = false;

// Only a placeholder is prerendered: a real answer address is never, so a post to it gets a whole
// render with the form's answer in it.
export function generateStaticParams() {
  return [{ form: placeholderParam }];
}

/** The ban form as the answer to a post without JavaScript: the same page, with the action's answer. */
export default async function BanAnswerPage(props: { params: Promise<{ form: string }> }) {
  const match = /^(new|edit-(\d{1,12}))$/.exec((await props.params).form);
  if (!match) notFound();
  return <BanPage id={match[2] ? Number(match[2]) : null} />;
}
