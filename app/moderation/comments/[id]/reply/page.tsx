import type { Metadata } from 'next';
import { CommentTextPage } from '../comment-text-page';
import { replyAsStaff } from '../actions';

export const metadata: Metadata = { title: 'Reply as staff' };

export default function ReplyAsStaffPage(props: { params: Promise<{ id: string }> }) {
  return (
    <CommentTextPage
      params={props.params}
      kind="reply"
      title="Reply as staff"
      action={replyAsStaff}
      label="Your reply"
      submit="Post staff reply"
      prefill={false}
    />
  );
}
