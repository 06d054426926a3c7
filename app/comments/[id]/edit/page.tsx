import type { Metadata } from 'next';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { CommentBody } from '@/components/comment-body';
import { TimeStamp } from '@/components/time-stamp';
import { findOwnComment } from '@/db/comments';
import { readCommentSettings } from '@/db/settings';
import { editableIds, OWN_COOKIE, readOwnComments } from '@/lib/comment-cookies';
import { ownEditMessages } from '@/lib/comment-form';
import { readFlash } from '@/lib/flash';
import { parsePage, placeholderParam } from '@/lib/params';
import type { OwnEditState } from './actions';
import { OwnCommentForm } from './own-comment-form';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Edit your comment', robots: { index: false } };

// Read per request with this browser's cookie, and rendered whole so the form works without JavaScript.
export const instant = false;

export function generateStaticParams() {
  return [{ id: placeholderParam }];
}

/**
 * `/comments/ID/edit`: where "Edit" under a comment leads its writer, in the minutes after posting.
 * Anyone else, or the writer once the window has closed, is told why, with the comment left alone.
 */
export default async function EditOwnCommentPage(props: Props) {
  const id = parsePage((await props.params).id);
  const comment = id === null ? null : await findOwnComment(id);
  if (!comment) notFound();
  const settings = await readCommentSettings();
  const minutes = settings.editWindowMinutes;
  const own = readOwnComments((await cookies()).get(OWN_COOKIE)?.value);
  const now = new Date();
  const open = minutes > 0 && editableIds(own, minutes, now).includes(comment.id) && now.getTime() < comment.createdAt.getTime() + minutes * 60_000;
  const until = new Date(comment.createdAt.getTime() + minutes * 60_000);
  const back = `/${comment.sectionSlug}/${comment.slug}#comment-${comment.id}`;
  return (
    <div className="article-page report-page">
      <p className="kicker">Your comment</p>
      <h1>Edit your comment</h1>
      <p>
        On <Link href={`/${comment.sectionSlug}/${comment.slug}`}>{comment.headline}</Link>
      </p>
      {open ? (
        <>
          <p>
            You can change or delete it until <TimeStamp date={until} />, while no one has replied. An edited comment is marked “edited”, and
            may wait for a moderator again.
          </p>
          <OwnCommentForm commentId={comment.id} initial={comment.body} answered={await readFlash<OwnEditState>(`own-${comment.id}`)} backHref={back} />
        </>
      ) : (
        <>
          <p className="form-error" role="alert">
            {minutes === 0 ? ownEditMessages.off : ownEditMessages.notYours(minutes)}
          </p>
          {/* A held comment is its writer's alone to see. */}
          {comment.status === 'approved' ? (
            <blockquote className="desk-quote">
              <CommentBody body={comment.body} />
            </blockquote>
          ) : null}
        </>
      )}
      <p>
        <a href={back}>Back to the conversation</a>
      </p>
    </div>
  );
}
