'use server';

import { formDataOf } from '@/lib/action-args';
import { answerWithFlash } from '@/lib/flash';
import { commentsChanged } from '@/db/invalidate';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { plainText } from '@/lib/plain-text';
import { canModerate, currentStaff } from '@/auth';
import { findCommentForDesk, insertStaffReply, updateCommentBody } from '@/db/moderation';
import { logModeration } from '@/db/moderation-log';
import { messages } from '@/lib/comment-form';

export type DeskTextState = { status: 'idle' } | { status: 'invalid'; message: string; body: string };

const Input = z.object({
  commentId: z.coerce.number().int().positive(),
  body: z
    .string()
    .transform((v) => plainText(v).trim())
    .pipe(z.string().min(2, messages.commentShort).max(5000, messages.commentLong)),
});

const denied = (body: string): DeskTextState => ({ status: 'invalid', message: 'Sign in as a moderator to do that. Nothing was changed.', body });

/** Authorize, then validate: the moderator and the text, or the state to answer with. */
async function readText(previous: DeskTextState, submitted: FormData) {
  const formData = formDataOf(previous, submitted);
  const raw = String(formData.get('body') ?? '');
  const invalid = (message: string): { formData: FormData; answer: DeskTextState } => ({ formData, answer: { status: 'invalid', message, body: raw } });
  const staff = await currentStaff();
  if (!canModerate(staff)) return { formData, answer: denied(raw) };
  const parsed = Input.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error.issues[0]!.message);
  return { formData, staff, input: parsed.data, invalid };
}

/** Without JavaScript, a refusal comes back to the same page by post-redirect-get (lib/flash.ts). */
function answer(formData: FormData, kind: 'edit' | 'reply', state: DeskTextState) {
  const id = Number(formData.get('commentId')) || 0;
  return answerWithFlash(formData, `text-${kind}-${id}`, `/moderation/comments/${id}/${kind}`, state);
}

/** Edits a comment's text; the log keeps the text before and after. */
export async function editComment(previous: DeskTextState, submitted: FormData): Promise<DeskTextState> {
  const read = await readText(previous, submitted);
  if ('answer' in read) return answer(read.formData, 'edit', read.answer);
  const { staff, input } = read;
  const comment = await findCommentForDesk(input.commentId);
  if (!comment) return answer(read.formData, 'edit', read.invalid('That comment no longer exists.').answer);
  await updateCommentBody(comment.id, input.body, new Date());
  await logModeration({ actor: staff, action: 'comment.edit', targetType: 'comment', targetId: comment.id, before: { body: comment.body }, after: { body: input.body } });
  if (comment.status === 'approved') commentsChanged([comment.articleId]);
  redirect(`/moderation?queue=${comment.status}`);
}

/** A staff reply: approved at once, shown with a "Staff" badge. */
export async function replyAsStaff(previous: DeskTextState, submitted: FormData): Promise<DeskTextState> {
  const read = await readText(previous, submitted);
  if ('answer' in read) return answer(read.formData, 'reply', read.answer);
  const { staff, input } = read;
  const parent = await findCommentForDesk(input.commentId);
  if (!parent || (parent.status !== 'approved' && parent.status !== 'pending')) {
    return answer(read.formData, 'reply', read.invalid('That comment can no longer be replied to.').answer);
  }
  const id = await insertStaffReply({ articleId: parent.articleId, parentId: parent.id, staff, body: input.body, now: new Date() });
  await logModeration({ actor: staff, action: 'comment.reply', targetType: 'comment', targetId: id, before: null, after: { parentId: parent.id, body: input.body } });
  commentsChanged([parent.articleId]);
  redirect(`/moderation?queue=${parent.status}`);
}
