import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireAdmin } from '@/auth';
import { placeholderParam } from '@/lib/params';
import { People } from '../../people';

export const metadata: Metadata = { title: 'People' };

export const instant = false;

// Only a placeholder is prerendered: a real answer address is never, so a post to it gets a whole
// render with the form's answer in it rather than a prerendered shell resumed without it.
export function generateStaticParams() {
  return [{ form: placeholderParam }];
}

/**
 * The People page as the answer to one of its forms posted without JavaScript (its `answerAt`): the
 * same page, with that form showing what the action returned, in this response only.
 */
export default async function PeopleAnswerPage(props: { params: Promise<{ form: string }> }) {
  await requireAdmin('/moderation/users');
  const { form } = await props.params;
  if (!/^(new-account|(role|access|password)-\d{1,12})$/.test(form)) notFound();
  return <People />;
}
