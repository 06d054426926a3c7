import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireModerator } from '@/auth';
import { CommentBody } from '@/components/comment-body';
import { DeskTextForm } from '@/components/desk/desk-text-form';
import { findCommentForDesk } from '@/db/moderation';
import { parsePage } from '@/lib/params';
import { editComment } from '../actions';

export const metadata: Metadata = { title: 'Edit comment' };

export default async function Page(props: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await props.params;
  await requireModerator(`/moderation/comments/${rawId}/edit`);
  const id = parsePage(rawId);
  const comment = id === null ? null : findCommentForDesk(id);
  if (!comment) notFound();
  return (
    <div className="desk-page">
      <h1>Edit comment</h1>
      <p>
        {comment.authorName} on <a href={`/${comment.sectionSlug}/${comment.articleSlug}#comment-${comment.id}`}>{comment.articleHeadline}</a>
      </p>
      <blockquote className="desk-quote">
        <CommentBody body={comment.body} />
      </blockquote>
      <DeskTextForm action={editComment} commentId={comment.id} label="Comment text" submit="Save changes" initial={comment.body} />
    </div>
  );
}
