'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { bansInForce } from '@/db/bans';
import { filterPendingIds, findOwnComment, reviseOwnComment } from '@/db/comments';
import { commentsChanged } from '@/db/invalidate';
import { readCommentSettings } from '@/db/settings';
import { formDataOf } from '@/lib/action-args';
import { bannedDecision, firstMatchingBan } from '@/lib/bans';
import { editableIds, OWN_COOKIE, ownViewCookie, PENDING_COOKIE, PENDING_MAX_AGE, readOwnComments, readPendingIds, writeOwnComments, writePendingIds } from '@/lib/comment-cookies';
import { commentText, ownEditMessages } from '@/lib/comment-form';
import { decideStatus } from '@/lib/comment-rules';
import { answerWithFlash } from '@/lib/flash';
import { threadAddress } from '../thread-address';
import { isStorageError, storageMessage } from '@/lib/storage-errors';
import { secureCookies } from '@/lib/config';

export type OwnEditState = { status: 'idle' } | { status: 'invalid'; message: string; body: string };

const Id = z.coerce.number().int().positive();

/**
 * A commenter's own edit or deletion (`intent=delete`) in the edit window. Anyone may comment, so
 * there is no session: the signed `bs_own` cookie this browser got when it posted says whose it is,
 * and the database says whether the window is still open and no one has replied. An edit goes back
 * through the rules (and the bans), as a new comment would.
 */
export async function reviseOwnCommentForm(previous: OwnEditState, submitted: FormData): Promise<OwnEditState> {
  const formData = formDataOf(previous, submitted);
  const raw = typeof formData.get('body') === 'string' ? String(formData.get('body')).slice(0, 10_000) : '';
  const id = Id.safeParse(formData.get('commentId'));
  const refuse = (message: string) =>
    id.success ? answerWithFlash(formData, `own-${id.data}`, `/comments/${id.data}/edit`, { status: 'invalid', message, body: raw } as OwnEditState, '/comments') : ({ status: 'invalid', message, body: raw } as OwnEditState);
  if (!id.success) return refuse(ownEditMessages.gone);
  const deleting = formData.get('intent') === 'delete';
  const body = commentText().safeParse(raw);
  if (!deleting && !body.success) return refuse(body.error.issues[0]!.message);

  const now = new Date();
  const jar = await cookies();
  let storyPath: string;
  let to: string;
  let pendingIds: number[] = [];
  try {
    const settings = await readCommentSettings();
    const minutes = settings.editWindowMinutes;
    if (minutes === 0) return refuse(ownEditMessages.off);
    const own = readOwnComments(jar.get(OWN_COOKIE)?.value);
    if (!editableIds(own, minutes, now).includes(id.data)) return refuse(ownEditMessages.notYours(minutes));
    const comment = await findOwnComment(id.data);
    if (!comment) return refuse(ownEditMessages.gone);
    storyPath = `/${comment.sectionSlug}/${comment.slug}`;
    const bans = await bansInForce(now);
    const result = await reviseOwnComment(id.data, deleting ? null : body.data!, {
      now,
      postedAfter: new Date(now.getTime() - minutes * 60_000),
      decide: (fields, hasOtherApproved) => {
        const ban = firstMatchingBan(bans, fields, now);
        return ban ? bannedDecision(ban) : decideStatus(fields, settings, { hasApprovedComment: hasOtherApproved, bot: { honeypotFilled: false, secondsToFill: null } });
      },
    });
    if (result.kind === 'gone') return refuse(ownEditMessages.gone);
    if (result.kind === 'expired') return refuse(ownEditMessages.notYours(minutes));
    if (result.kind === 'replied') return refuse(ownEditMessages.replied);
    to = result.to;

    if (result.from === 'approved' || result.to === 'approved') commentsChanged([result.articleId]);
    const secure = secureCookies();
    if (result.to === 'pending') {
      // Held again: shown to its writer alone, awaiting moderation, as a new held comment is.
      pendingIds = [...(await filterPendingIds(readPendingIds(jar.get(PENDING_COOKIE)?.value))), id.data];
      jar.set(PENDING_COOKIE, writePendingIds(pendingIds), { path: '/', sameSite: 'lax', secure, httpOnly: true, maxAge: PENDING_MAX_AGE });
    }
    // Held, or approved and still editable: the story's per-reader view shows it, at the story's
    // current address (it may have moved since the comment was posted, with the marker set then).
    if (result.to === 'pending' || result.to === 'approved') jar.set(ownViewCookie(storyPath, secure));
    if (result.to === 'trash' || result.to === 'spam') {
      const left = own.filter((comment) => comment.id !== id.data);
      const at = left.length ? Math.max(...left.map((comment) => comment.at)) : now.getTime();
      jar.set(OWN_COOKIE, writeOwnComments(left), { path: '/', sameSite: 'lax', secure, httpOnly: true, maxAge: Math.max(1, Math.ceil((at + minutes * 60_000 - now.getTime()) / 1000)) });
    }
  } catch (error) {
    if (!isStorageError(error)) throw error;
    console.error(`[comments] could not revise comment ${id.data}: ${(error as Error).message}`);
    return refuse(storageMessage);
  }
  // Back to the comment in its thread; one deleted or taken for spam is no longer there to show.
  const thread = to === 'trash' || to === 'spam' ? null : await threadAddress(id.data, pendingIds);
  redirect(thread?.address ?? `${storyPath}#comments`);
}
