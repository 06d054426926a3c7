'use server';

import { formDataOf } from '@/lib/action-args';
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { canModerate, currentStaff } from '@/auth';
import { findCommentForDesk, insertStaffReply, updateCommentBody } from '@/db/moderation';
import { logModeration } from '@/db/moderation-log';
import { tags } from '@/db/tags';
import { messages } from '@/lib/comment-form';

export type DeskTextState = { status: 'idle' } | { status: 'invalid'; message: string; body: string };

const Input = z.object({
  commentId: z.coerce.number().int().positive(),
  body: z
    .string()
    .transform((v) => v.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim())
    .pipe(z.string().min(2, messages.commentShort).max(5000, messages.commentLong)),
});

const denied = (body: string): DeskTextState => ({ status: 'invalid', message: 'Sign in as a moderator to do that. Nothing was changed.', body });

/** Edits a comment's text; the log keeps the text before and after. */
export async function editComment(_previous: DeskTextState, submitted: FormData): Promise<DeskTextState> {
  const formData = formDataOf(_previous, submitted);
  const raw = String(formData.get('body') ?? '');
  const staff = await currentStaff();
  if (!canModerate(staff)) return denied(raw);
  const parsed = Input.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: 'invalid', message: parsed.error.issues[0]!.message, body: raw };
  const comment = findCommentForDesk(parsed.data.commentId);
  if (!comment) return { status: 'invalid', message: 'That comment no longer exists.', body: raw };
  updateCommentBody(comment.id, parsed.data.body, new Date());
  logModeration({ actor: staff, action: 'comment.edit', targetType: 'comment', targetId: comment.id, before: { body: comment.body }, after: { body: parsed.data.body } });
  if (comment.status === 'approved') updateTag(tags.comments(comment.articleId));
  redirect(`/moderation?queue=${comment.status}`);
}

/** A staff reply: approved at once, shown with a "Staff" badge. */
export async function replyAsStaff(_previous: DeskTextState, submitted: FormData): Promise<DeskTextState> {
  const formData = formDataOf(_previous, submitted);
  const raw = String(formData.get('body') ?? '');
  const staff = await currentStaff();
  if (!canModerate(staff)) return denied(raw);
  const parsed = Input.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: 'invalid', message: parsed.error.issues[0]!.message, body: raw };
  const parent = findCommentForDesk(parsed.data.commentId);
  if (!parent || (parent.status !== 'approved' && parent.status !== 'pending')) {
    return { status: 'invalid', message: 'That comment can no longer be replied to.', body: raw };
  }
  const id = insertStaffReply({ articleId: parent.articleId, parentId: parent.id, staff, body: parsed.data.body, now: new Date() });
  logModeration({ actor: staff, action: 'comment.reply', targetType: 'comment', targetId: id, before: null, after: { parentId: parent.id, body: parsed.data.body } });
  updateTag(tags.comments(parent.articleId));
  redirect(`/moderation?queue=${parent.status}`);
}
