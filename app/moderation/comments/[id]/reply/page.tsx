import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireModerator } from '@/auth';
import { CommentBody } from '@/components/comment-body';
import { DeskTextForm } from '@/components/desk/desk-text-form';
import { findCommentForDesk } from '@/db/moderation';
import { parsePage } from '@/lib/params';
import { replyAsStaff } from '../actions';

export const metadata: Metadata = { title: 'Reply as staff' };

export default async function Page(props: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await props.params;
  await requireModerator(`/moderation/comments/${rawId}/reply`);
  const id = parsePage(rawId);
  const comment = id === null ? null : findCommentForDesk(id);
  if (!comment) notFound();
  return (
    <div className="desk-page">
      <h1>Reply as staff</h1>
      <p>
        {comment.authorName} on <a href={`/${comment.sectionSlug}/${comment.articleSlug}#comment-${comment.id}`}>{comment.articleHeadline}</a>
      </p>
      <blockquote className="desk-quote">
        <CommentBody body={comment.body} />
      </blockquote>
      <DeskTextForm action={replyAsStaff} commentId={comment.id} label="Your reply" submit="Post staff reply" initial={''} />
    </div>
  );
}
