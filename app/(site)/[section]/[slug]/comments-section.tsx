import type { PublicComment } from '@/db/comments';
import { avatarHue, initials } from '@/lib/avatar';
import { formatDateTime, pluralize } from '@/lib/format';
import { pageWindow } from '@/lib/page-window';
import { buildThread, countPages, pageOfComment, sortThreads, threadPage, type ThreadNode } from '@/lib/thread';
import { commentOrderLabels, commentOrders, type CommentOrder, commentsHref } from '@/lib/comment-order';
import { CommentBody } from '@/components/comment-body';
import { mailIsOn } from '@/lib/mail/enabled';
import type { PostCommentState } from './actions';
import { CommentForm } from './comment-form';
import { likeComment } from './like-actions';
import { LiveComments } from './live-comments';
import { reportComment } from './report-actions';
import { LikeControl } from '@/components/comments/like-control';
import { ReportControl } from '@/components/comments/report-control';

type ShownComment = PublicComment & { pending?: boolean };

export type CommentsSectionProps = {
  article: { id: number; path: string; open: boolean };
  approved: PublicComment[];
  /** This browser's own held comments, shown in place to it alone. */
  own?: PublicComment[];
  /** The comments this browser may still edit or delete (the edit window), given "Edit" while unanswered. */
  editable?: number[];
  page: number;
  /** How the reader sorted the top-level conversations; oldest first unless they chose otherwise. */
  order?: CommentOrder;
  threadDepth: number;
  perPage: number;
  replyTo?: { id: number; name: string } | null;
  formToken: string;
  /** What a post without JavaScript was answered, for the form to say once (lib/flash.ts). */
  posted?: PostCommentState | null;
};

/** The conversation under a story: the thread, its page links, and "Leave a Reply". */
export function CommentsSection(props: CommentsSectionProps) {
  const { article, approved, own = [], editable = [], page, order = 'oldest', threadDepth, perPage } = props;
  const shown: ShownComment[] = [...approved, ...own.map((c) => ({ ...c, pending: true }))];
  const roots = sortThreads(buildThread(shown, threadDepth), order);
  const pageCount = countPages(roots, perPage);
  const permalink = (id: number) => `${commentsHref(article.path, pageOfComment(roots, perPage, id) ?? 1, order)}#comment-${id}`;
  const place = { order, page };
  const shownPage = threadPage(roots, perPage, page);
  const anchored = wordpressAnchors(shownPage);
  // Editors' picks lead the conversation, above its first page; each is also in its place in the thread.
  const picks = page === 1 ? approved.filter((comment) => comment.featured) : [];

  return (
    <section id="comments" className="comments" aria-label="Comments">
      <h2 id="comments-heading">{pluralize(approved.length, 'Comment')}</h2>
      <LiveComments articleId={article.id} count={approved.length} newestId={newestId(approved)} />
      {picks.length ? (
        <section className="editors-picks" aria-labelledby="editors-picks-heading">
          <h3 id="editors-picks-heading">Editors’ picks</h3>
          <ol className="comment-list">
            {picks.map((comment) => (
              <li key={comment.id} className="comment">
                <article className="comment-body" aria-label={`Editors’ pick: comment by ${comment.authorName}`}>
                  <CommentMeta comment={comment} permalink={permalink} />
                  <div className="comment-content">
                    <CommentBody body={comment.body} />
                  </div>
                </article>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {roots.length > 1 ? (
        <nav className="comment-order" aria-label="Sort comments">
          <span aria-hidden="true">Sort by </span>
          <ul>
            {commentOrders.map((choice) => (
              <li key={choice}>
                <a href={`${commentsHref(article.path, 1, choice)}#comments`} aria-current={choice === order ? 'true' : undefined}>
                  {commentOrderLabels[choice]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {roots.length ? (
        <ol className="comment-list">
          {shownPage.map((node) => (
            <CommentItem key={node.comment.id} node={node} article={article} permalink={permalink} anchored={anchored} place={place} editable={editable} />
          ))}
        </ol>
      ) : (
        <p className="no-comments">{article.open ? 'No comments yet. Start the conversation.' : null}</p>
      )}
      {pageCount > 1 ? (
        <nav className="pagination comment-pagination" aria-label="Comment pages">
          <ul>
            {pageWindow(page, pageCount).map((n, i) =>
              n === 'gap' ? (
                <li key={`gap-${i}`} className="pagination-gap" aria-hidden="true">
                  …
                </li>
              ) : (
                <li key={n}>
                  {n === page ? (
                    <span aria-current="page">{n}</span>
                  ) : (
                    <a href={`${commentsHref(article.path, n, order)}#comments`} aria-label={`Comments page ${n}`}>
                      {n}
                    </a>
                  )}
                </li>
              ),
            )}
          </ul>
        </nav>
      ) : null}
      {article.open ? (
        <CommentForm
          articleId={article.id}
          articlePath={article.path}
          initialToken={props.formToken}
          serverReplyTo={props.replyTo ?? null}
          notifyOffered={mailIsOn()}
          answered={props.posted ?? null}
        />
      ) : (
        <p className="comments-closed">Comments are closed.</p>
      )}
    </section>
  );
}

const newestId = (approved: PublicComment[]) => approved.reduce<number | null>((newest, comment) => Math.max(newest ?? 0, comment.id), null);

/**
 * The comments on this page that also carry their WordPress anchor (`#comment-<its id there>`), which
 * links to the old site still hold. One that would repeat an id already on the page (one of our own
 * comments', or another imported comment's) is left without it: our own ids come first.
 */
function wordpressAnchors(nodes: ThreadNode<ShownComment>[]): Set<number> {
  const all: ShownComment[] = [];
  const collect = (node: ThreadNode<ShownComment>) => {
    all.push(node.comment);
    node.replies.forEach(collect);
  };
  nodes.forEach(collect);
  const taken = new Set(all.map((comment) => comment.id));
  const anchored = new Set<number>();
  for (const comment of all) {
    if (comment.wordpressId == null || taken.has(comment.wordpressId)) continue;
    taken.add(comment.wordpressId);
    anchored.add(comment.id);
  }
  return anchored;
}

/** Who wrote a comment, their badges, and when, linked to the comment's place in the thread. */
function CommentMeta({ comment, permalink }: { comment: ShownComment; permalink: (id: number) => string }) {
  const website = /^https?:\/\//i.test(comment.authorUrl) ? comment.authorUrl : '';
  return (
    <header className="comment-meta">
      <span className={`avatar hue-${Math.floor(avatarHue(comment.authorName) / 30)}`} aria-hidden="true">
        {initials(comment.authorName)}
      </span>
      <span className="comment-author">
        {website ? (
          <a href={website} rel="nofollow ugc noopener" className="url">
            {comment.authorName}
          </a>
        ) : (
          comment.authorName
        )}
      </span>
      {comment.isStaff ? <span className="staff-badge">Staff</span> : null}
      {comment.featured ? <span className="pick-badge">Editors’ pick</span> : null}
      {comment.editedAt ? <span className="comment-edited">edited</span> : null}
      <a className="comment-permalink" href={permalink(comment.id)}>
        <time dateTime={comment.createdAt.toISOString()}>{formatDateTime(comment.createdAt)}</time>
      </a>
    </header>
  );
}

function CommentItem({
  node,
  article,
  permalink,
  anchored,
  place,
  editable,
}: {
  node: ThreadNode<ShownComment>;
  article: CommentsSectionProps['article'];
  permalink: (id: number) => string;
  anchored: Set<number>;
  /** The order and page this thread is shown in, for the Like form to come back to without JavaScript. */
  place: { order: CommentOrder; page: number };
  editable: number[];
}) {
  const { comment, replies, depth } = node;
  // Its writer may change it in the edit window, until someone replies (app/comments/[id]/edit).
  const edit =
    editable.includes(comment.id) && replies.length === 0 ? (
      <p className="comment-edit">
        <a href={`/comments/${comment.id}/edit`} aria-label="Edit or delete your comment" rel="nofollow">
          Edit
        </a>
      </p>
    ) : null;
  return (
    <li id={`comment-${comment.id}`} className={`comment depth-${depth}${comment.pending ? ' is-pending' : ''}`} tabIndex={-1}>
      {anchored.has(comment.id) ? <span id={`comment-${comment.wordpressId}`} className="comment-anchor" /> : null}
      <article className="comment-body" aria-label={`Comment by ${comment.authorName}`}>
        <CommentMeta comment={comment} permalink={permalink} />
        {comment.pending ? <p className="comment-awaiting-moderation">Your comment is awaiting moderation.</p> : null}
        <div className="comment-content">
          <CommentBody body={comment.body} />
        </div>
        {comment.pending && edit ? <div className="comment-actions">{edit}</div> : null}
        {!comment.pending ? (
          <div className="comment-actions">
            {edit}
            {article.open ? (
              <p className="reply">
                {/* A plain link (no JavaScript: the form as a reply); the comment form takes the click over when scripts run. */}
                <a
                  className="comment-reply-link"
                  href={`${article.path}?replytocom=${comment.id}#respond`}
                  rel="nofollow"
                  aria-label={`Reply to ${comment.authorName}`}
                >
                  Reply
                </a>
              </p>
            ) : null}
            <LikeControl
              action={likeComment}
              commentId={comment.id}
              authorName={comment.authorName}
              likes={comment.likeCount}
              order={place.order}
              page={place.page}
            />
            <ReportControl action={reportComment} commentId={comment.id} />
          </div>
        ) : null}
      </article>
      {replies.length ? (
        <ol className="children">
          {replies.map((child) => (
            <CommentItem key={child.comment.id} node={child} article={article} permalink={permalink} anchored={anchored} place={place} editable={editable} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}
