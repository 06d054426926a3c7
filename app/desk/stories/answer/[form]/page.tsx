import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { placeholderParam } from '@/lib/params';
import { StoryPage } from '../../story-page';

export const metadata: Metadata = { title: 'Story' };

export const instant = false;

// Only a placeholder is prerendered: a real answer address is never, so a post to it gets a whole
// render with the form's answer in it rather than a prerendered shell resumed without it.
export function generateStaticParams() {
  return [{ form: placeholderParam }];
}

/** The story form as the answer to a post without JavaScript (its `answerAt`): the same page, with the action's answer. */
export default async function StoryAnswerPage(props: { params: Promise<{ form: string }> }) {
  const { form } = await props.params;
  const match = /^(new|edit-(\d{1,12}))$/.exec(form);
  if (!match) notFound();
  return <StoryPage storyId={match[2] ? Number(match[2]) : null} />;
}
