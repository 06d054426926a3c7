import { notFound } from 'next/navigation';
import { requireModerator } from '@/auth';
import type { DeskTextState } from './actions';
import { findCommentForDesk } from '@/db/moderation';
import { readFlash } from '@/lib/flash';
import { parsePage } from '@/lib/params';
import { CommentBody } from '@/components/comment-body';
import { DeskTextForm } from './desk-text-form';

/** The desk's Edit and Reply pages: the comment, its story, and one text form. */
export async function CommentTextPage({
  params,
  kind,
  title,
  action,
  label,
  submit,
  prefill,
}: {
  params: Promise<{ id: string }>;
  kind: 'edit' | 'reply';
  title: string;
  action: (state: DeskTextState, data: FormData) => Promise<DeskTextState>;
  label: string;
  submit: string;
  /** Edit starts from the comment's text; a reply starts empty. */
  prefill: boolean;
}) {
  const { id: rawId } = await params;
  await requireModerator(`/moderation/comments/${rawId}/${kind}`);
  const id = parsePage(rawId);
  const comment = id === null ? null : await findCommentForDesk(id);
  if (!comment) notFound();
  return (
    <div className="desk-page">
      <h1>{title}</h1>
      <p>
        {comment.authorName} on <a href={`/${comment.sectionSlug}/${comment.articleSlug}#comment-${comment.id}`}>{comment.articleHeadline}</a>
      </p>
      <blockquote className="desk-quote">
        <CommentBody body={comment.body} />
      </blockquote>
      <DeskTextForm
        action={action}
        commentId={comment.id}
        label={label}
        submit={submit}
        initial={prefill ? comment.body : ''}
        answered={await readFlash<DeskTextState>(`text-${kind}-${comment.id}`)}
      />
    </div>
  );
}
