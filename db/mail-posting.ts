/**
 * What a new comment sets off by email, written in the comment's own transaction (db/comments.ts,
 * both engines) so that the comment and its mail stand or fall together: the commenter's
 * subscriptions and, for an address not yet confirmed, its confirmation letter; the notices of an
 * approved comment (sent later by the worker, server/mail-worker.ts); the moderators' "held" notice
 * when they asked for it. Only called when mail is on.
 */
import type { CommentStatus } from '@/lib/comment-status';
import { queueApprovedInTransaction, queueStaffNoticeInTransaction, subscribeInTransaction } from './mail';
import type { TransactionBody, Tx } from './transact';

/** What the commenter asked for on the form, and whether moderators want a word when a comment is held. */
export type MailOnPosting = { replies: boolean; story: boolean; heldNotice: boolean };

/** Where the commenter's address stands, for the thank-you line; absent when they asked for nothing. */
export type PostingMailAnswer = 'confirmed' | 'unconfirmed' | 'blocked';

export function* mailAfterPosting(
  tx: Tx,
  posted: { id: number; articleId: number; email: string; status: Exclude<CommentStatus, 'trash'> },
  asked: MailOnPosting,
  now: Date,
): TransactionBody<PostingMailAnswer | undefined> {
  let answer: PostingMailAnswer | undefined;
  if (asked.replies || asked.story) {
    // A comment taken for spam still records what was asked, but sends no confirmation: a spammer
    // must not be able to make the site write to addresses of their choosing.
    const subscribed = yield* subscribeInTransaction(
      tx,
      { email: posted.email, articleId: posted.articleId, commentId: posted.id, replies: asked.replies, story: asked.story, confirm: posted.status !== 'spam' },
      now,
    );
    answer = subscribed?.status;
  }
  if (posted.status === 'approved') yield* queueApprovedInTransaction(tx, [posted.id], now);
  if (posted.status === 'pending' && asked.heldNotice) yield* queueStaffNoticeInTransaction(tx, 'held', posted.id, now);
  return answer;
}
