import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { placeholderParam } from '@/lib/params';
import { RevisionPage } from '../../revision-page';
import { StoryPage } from '../../story-page';

export const metadata: Metadata = { title: 'Story' };

export const instant = false;

// Only a placeholder is prerendered: a real answer address is never, so a post to it gets a whole
// render with the form's answer in it rather than a prerendered shell resumed without it.
export function generateStaticParams() {
  return [{ form: placeholderParam }];
}

/**
 * A desk page as the answer to a post without JavaScript (its forms' `answerAt`): the same page, with
 * the action's answer in it. `new` and `edit-ID` are the story form (and its correction form),
 * `compare-ID-REV` a revision's comparison with its restore form.
 */
export default async function StoryAnswerPage(props: { params: Promise<{ form: string }> }) {
  const { form } = await props.params;
  const compare = /^compare-(\d{1,12})-(\d{1,12})$/.exec(form);
  if (compare) return <RevisionPage storyId={Number(compare[1])} revisionId={Number(compare[2])} />;
  const match = /^(new|edit-(\d{1,12}))$/.exec(form);
  if (!match) notFound();
  return <StoryPage storyId={match[2] ? Number(match[2]) : null} />;
}
