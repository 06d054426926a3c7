'use server';

import { formDataOf } from '@/lib/action-args';
import { clientAddress } from '@/server/client-ip';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { commentsChanged } from '@/db/invalidate';
import { findArticleForComment } from '@/db/articles';
import { bansInForce } from '@/db/bans';
import { filterPendingIds, findApprovedParent, insertComment } from '@/db/comments';
import { readCommentSettings } from '@/db/settings';
import { bannedDecision, firstMatchingBan } from '@/lib/bans';
import { commentsAreClosed, decideStatus } from '@/lib/comment-rules';
import {
  OWN_COOKIE,
  ownViewCookie,
  POSTED_FLASH,
  PENDING_COOKIE,
  PENDING_MAX_AGE,
  readOwnComments,
  readPendingIds,
  SAVED_DETAILS_COOKIES,
  secondsSinceIssued,
  writeOwnComments,
  writePendingIds,
} from '@/lib/comment-cookies';
import { type CommentFieldErrors, type CommentValues, messages, parseCommentInput, valuesFrom } from '@/lib/comment-form';
import { HONEYPOT_FIELD } from '@/lib/comment-form-fields';
import { mailIsOn } from '@/lib/mail/enabled';
import { postingMailMessages } from '@/lib/mail/subscribe-messages';
import { isStorageError, storageMessage } from '@/lib/storage-errors';
import { writeFlash } from '@/lib/flash';
import { secureCookies } from '@/lib/config';

export type PostCommentState =
  | { status: 'idle' }
  | { status: 'invalid'; fieldErrors: CommentFieldErrors; formError?: string; values: CommentValues }
  | { status: 'posted'; commentId: number; visible: boolean; values: CommentValues; mail?: string };

const YEAR = 365 * 24 * 60 * 60;

/**
 * Receives "Leave a Reply". Anyone may comment (as on WordPress), so there is no session to check:
 * the article must be open, the input valid, the poster not flooding or repeating, and the rules
 * decide whether the comment is shown, held or taken for spam. Without JavaScript the answer is a
 * redirect to the new comment; with it, a state the form shows in place.
 */
export async function postComment(_previous: PostCommentState, submitted: FormData): Promise<PostCommentState> {
  const formData = formDataOf(_previous, submitted);
  const raw = Object.fromEntries(formData);
  const values = valuesFrom(raw);
  const parsed = parseCommentInput(raw);
  if (!parsed.success) return { status: 'invalid', fieldErrors: parsed.fieldErrors, formError: parsed.formError, values };
  const input = parsed.data;

  // The database may be out of reach (PostgreSQL restarting, SQLite's disk full): from the first
  // read to the insert, that is said beside the form with the text kept, never a 500.
  const unavailable = (error: unknown, what: string): PostCommentState => {
    if (!isStorageError(error)) throw error;
    console.error(`[comments] could not ${what}: ${(error as Error).message}`);
    return { status: 'invalid', fieldErrors: {}, formError: storageMessage, values };
  };
  let article: Awaited<ReturnType<typeof findArticleForComment>>;
  let settings: Awaited<ReturnType<typeof readCommentSettings>>;
  let parentGone = false;
  try {
    article = await findArticleForComment(input.articleId);
    settings = await readCommentSettings();
    parentGone = article !== null && input.parentId !== null && !(await findApprovedParent(article.id, input.parentId));
  } catch (error) {
    return unavailable(error, `read article ${input.articleId} for a comment`);
  }
  if (!article) return { status: 'invalid', fieldErrors: {}, formError: messages.unknownArticle, values };
  const now = new Date();
  if (commentsAreClosed(article, settings, now)) return { status: 'invalid', fieldErrors: {}, formError: messages.closed, values };
  if (parentGone) return { status: 'invalid', fieldErrors: {}, formError: messages.parentGone, values };

  const requestHeaders = await headers();
  const fields = {
    name: input.name,
    email: input.email.toLowerCase(),
    url: input.url,
    body: input.comment,
    ip: clientAddress(requestHeaders.get('x-forwarded-for')),
    userAgent: (requestHeaders.get('user-agent') ?? '').slice(0, 500),
  };
  const bot = {
    honeypotFilled: String(raw[HONEYPOT_FIELD] ?? '') !== '',
    secondsToFill: secondsSinceIssued(typeof raw.token === 'string' ? raw.token : null, now),
  };
  let result: Awaited<ReturnType<typeof insertComment>>;
  try {
    // A banned commenter's comment goes to spam, its why-held naming the ban, before any other rule.
    const ban = firstMatchingBan(await bansInForce(now), fields, now);
    result = await insertComment(
      {
        articleId: article.id,
        parentId: input.parentId,
        fields,
        now,
        floodIntervalSeconds: settings.floodIntervalSeconds,
        mail: mailIsOn() ? { replies: input.notifyReplies, story: input.notifyStory, heldNotice: settings.emailOnHeld } : undefined,
      },
      (hasApprovedComment) => (ban ? bannedDecision(ban) : decideStatus(fields, settings, { hasApprovedComment, bot })),
    );
  } catch (error) {
    return unavailable(error, `store a comment on article ${article.id}`);
  }
  if (result.kind === 'flood') return { status: 'invalid', fieldErrors: {}, formError: messages.flood, values };
  if (result.kind === 'duplicate') return { status: 'invalid', fieldErrors: {}, formError: messages.duplicate, values };

  const jar = await cookies();
  const cookieOptions = { path: '/', sameSite: 'lax' as const, secure: secureCookies() };
  if (result.status === 'pending') {
    const ids = await filterPendingIds(readPendingIds(jar.get(PENDING_COOKIE)?.value));
    jar.set(PENDING_COOKIE, writePendingIds([...ids, result.id]), { ...cookieOptions, httpOnly: true, maxAge: PENDING_MAX_AGE });
  }
  // The edit window: this browser may change or delete the comment for a few minutes (app/comments/[id]/edit).
  const window = settings.editWindowMinutes;
  if (result.status !== 'spam' && window > 0) {
    const recent = readOwnComments(jar.get(OWN_COOKIE)?.value).filter((own) => now.getTime() < own.at + window * 60_000);
    jar.set(OWN_COOKIE, writeOwnComments([...recent, { id: result.id, at: now.getTime() }]), { ...cookieOptions, httpOnly: true, maxAge: window * 60 });
  }
  // This story, and no other, is now read through the per-reader view that shows the comment to its writer.
  const storyPath = `/${article.sectionSlug}/${article.slug}`;
  if (result.status === 'pending' || (result.status !== 'spam' && window > 0)) jar.set(ownViewCookie(storyPath, cookieOptions.secure));
  for (const [field, name] of Object.entries(SAVED_DETAILS_COOKIES) as [keyof typeof SAVED_DETAILS_COOKIES, string][]) {
    if (input.remember) jar.set(name, fields[field], { ...cookieOptions, maxAge: YEAR });
    else if (jar.has(name)) jar.delete(name);
  }
  if (result.status === 'approved') commentsChanged([article.id]);

  const visible = result.status !== 'spam';
  // Like WordPress, the form keeps the commenter's details only when they asked for that.
  const kept = { ...(input.remember ? { ...values, comment: '' } : { name: '', email: '', url: '', comment: '', remember: false }), notifyReplies: false, notifyStory: false };
  const mail = result.mail ? postingMailMessages[result.mail] : undefined;
  const js = raw.js === '1';
  const posted: PostCommentState = { status: 'posted', commentId: result.id, visible, values: valuesFrom({}), mail };
  // The answer is left for the story's own view to say, with none of the commenter's details:
  // - without JavaScript, where the address stands (a confirmation sent, or not), as the form says it;
  // - with JavaScript, all of it: the form's refresh may bring that view in place of the page the form
  //   was on (this post set its marker), and its new form would start empty and drop the answer.
  if (visible && (js || mail)) await writeFlash(POSTED_FLASH, posted, storyPath);
  if (!js) redirect(visible ? `/comments/${result.id}` : `${storyPath}#comments`);
  return { ...posted, values: kept };
}

