import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireAdmin } from '@/auth';
import { placeholderParam } from '@/lib/params';
import { PrivacyRequests } from '../../privacy-requests';

export const metadata: Metadata = { title: 'Privacy' };

export const instant = false;

// Only a placeholder is prerendered: a real answer address is never, so a post to it gets a whole
// render with the form's answer in it rather than a prerendered shell resumed without it.
export function generateStaticParams() {
  return [{ form: placeholderParam }];
}

/** The Privacy page as the answer to its form posted without JavaScript (see ../../privacy-requests.tsx). */
export default async function PrivacyAnswerPage(props: { params: Promise<{ form: string }> }) {
  await requireAdmin('/moderation/privacy');
  if ((await props.params).form !== 'erase') notFound();
  return <PrivacyRequests />;
}
