import type { Metadata } from 'next';
import { CommentTextPage } from '../comment-text-page';
import { editComment } from '../actions';

export const metadata: Metadata = { title: 'Edit comment' };

export default function EditCommentPage(props: { params: Promise<{ id: string }> }) {
  return (
    <CommentTextPage params={props.params} kind="edit" title="Edit comment" action={editComment} label="Comment text" submit="Save changes" prefill />
  );
}
