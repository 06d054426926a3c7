import type { Metadata } from 'next';
import { requireModerator } from '@/auth';
import { CommentBody } from '@/components/comment-body';
import { DeskForm } from './desk-form';
import { ReportedQueue } from './reported-queue';
import { TimeStamp } from '@/components/time-stamp';
import { countQueues, listCommentedArticles, listQueue, QUEUE_PAGE_SIZE, type QueueRow, type StatusQueue, statusQueues } from '@/db/moderation';
import { listReportedComments } from '@/db/reports';
import { describeReason } from '@/lib/comment-rules';
import { type ModerationOp, opKeys, opLabels, opsForQueue, opsForRow } from '@/lib/moderation-ops';
import { decodeNotice } from '@/lib/notice';
import { parsePage } from '@/lib/params';

export const metadata: Metadata = { title: 'Comments' };

type Queue = StatusQueue | 'reported';
const queueNames: Record<Queue, string> = { pending: 'Pending', approved: 'Approved', spam: 'Spam', trash: 'Trash', reported: 'Reported' };
type Search = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/** The desk's address with some of the current filters changed. */
function deskHref(
  current: { queue: Queue; article?: number; comment?: number; q?: string; page?: number },
  change: Partial<{ queue: Queue; article: number | undefined; comment: number | undefined; q: string; page: number; select: string }>,
) {
  const next = { ...current, ...change };
  const params = new URLSearchParams();
  if (next.queue !== 'pending') params.set('queue', next.queue);
  if (next.article) params.set('article', String(next.article));
  if (next.comment) params.set('comment', String(next.comment));
  if (next.q) params.set('q', next.q);
  if (next.page && next.page > 1) params.set('page', String(next.page));
  if (change.select) params.set('select', change.select);
  const query = params.toString();
  return query ? `/moderation?${query}` : '/moderation';
}

export default async function ModerationQueuePage(props: { searchParams: Promise<Search> }) {
  await requireModerator();
  const search = await props.searchParams;
  const queueParam = one(search.queue);
  const queue: Queue = queueParam === 'reported' || (statusQueues as readonly string[]).includes(queueParam) ? (queueParam as Queue) : 'pending';
  const article = one(search.article) ? (parsePage(one(search.article)) ?? undefined) : undefined;
  const q = one(search.q).trim().slice(0, 200);
  const page = parsePage(one(search.page) || undefined) ?? 1;
  const selectAll = one(search.select) === 'all';
  // One comment alone: where a moderator's email about it leads.
  const comment = one(search.comment) ? (parsePage(one(search.comment)) ?? undefined) : undefined;
  const current = { queue, article, comment, q, page };

  const counts = await countQueues();
  const articles = await listCommentedArticles();
  const list = queue === 'reported' ? null : await listQueue({ queue, articleId: current.article, search: q || undefined, commentId: comment, page });
  const reported = queue === 'reported' ? await listReportedComments({ page, perPage: QUEUE_PAGE_SIZE }) : null;
  const pageCount = list?.pageCount ?? Math.max(1, Math.ceil(counts.reported / QUEUE_PAGE_SIZE));
  const ops = opsForQueue[queue];

  return (
    <div className="queue">
      <h1>Comments</h1>
      <nav aria-label="Queues" className="queue-tabs">
        <ul>
          {(['pending', 'approved', 'spam', 'trash', 'reported'] as const).map((name) => (
            <li key={name}>
              <a href={deskHref(current, { queue: name, page: 1, comment: undefined })} aria-current={name === queue ? 'page' : undefined}>
                {queueNames[name]} <span className="count">({counts[name]})</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {queue !== 'reported' ? (
        <form className="queue-filter" method="get" action="/moderation" role="search" aria-label="Filter comments">
          {queue !== 'pending' ? <input type="hidden" name="queue" value={queue} /> : null}
          <label>
            Story{' '}
            <select name="article" defaultValue={current.article ?? ''}>
              <option value="">All stories</option>
              {articles.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.headline}
                </option>
              ))}
            </select>
          </label>
          <label>
            Search{' '}
            <input type="search" name="q" defaultValue={q} placeholder="Comment, name, email or IP" />
          </label>
          <button type="submit">Filter</button>
        </form>
      ) : null}

      {comment ? (
        <p className="desk-intro">
          Showing comment #{comment} alone. <a href={deskHref(current, { comment: undefined, page: 1 })}>Show the whole {queueNames[queue]} queue</a>
        </p>
      ) : null}
      <DeskForm notice={decodeNotice(one(search.notice))} returnTo={deskHref(current, {})}>
        <div className="bulk-bar">
          <label>
            Bulk action{' '}
            <select name="bulkAction" defaultValue="">
              <option value="" disabled>
                Choose…
              </option>
              {ops.map((op) => (
                <option key={op} value={op}>
                  {opLabels[op]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" name="intent" value="bulk">
            Apply
          </button>
          <a className="button" href={deskHref(current, { select: selectAll ? '' : 'all' })}>
            {selectAll ? 'Clear selection' : 'Select all on this page'}
          </a>
          {queue === 'spam' || queue === 'trash' ? (
            <button type="submit" name="intent" value={`empty-${queue}`} className="danger">
              {queue === 'spam' ? 'Empty Spam' : 'Empty Trash'}
            </button>
          ) : null}
        </div>

        {reported ? (
          <ReportedQueue rows={reported} />
        ) : list && list.rows.length ? (
          <table className="queue-table">
            <caption className="visually-hidden">
              {queueNames[queue]} comments, page {page} of {pageCount}
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Select</span>
                </th>
                <th scope="col">Author</th>
                <th scope="col">Comment</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <QueueItem key={row.id} row={row} ops={ops} checked={selectAll} />
              ))}
            </tbody>
          </table>
        ) : (
          <p className="queue-empty">No comments in {queueNames[queue]}{q || current.article ? ' match this filter' : ''}.</p>
        )}
      </DeskForm>

      {pageCount > 1 ? (
        <nav className="pagination" aria-label="Queue pages">
          <ul>
            {Array.from({ length: pageCount }, (_, i) => i + 1).map((n) => (
              <li key={n}>
                {n === page ? <span aria-current="page">{n}</span> : <a href={deskHref(current, { page: n })}>{n}</a>}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}

function QueueItem({ row, ops, checked }: { row: QueueRow; ops: ModerationOp[]; checked: boolean }) {
  const articlePath = `/${row.sectionSlug}/${row.articleSlug}`;
  return (
    <tr data-comment-row tabIndex={-1} id={`row-${row.id}`}>
      <td>
        <input type="checkbox" name="ids" value={row.id} defaultChecked={checked} aria-label={`Select comment by ${row.authorName}`} />
      </td>
      <td className="queue-author">
        <strong>{row.authorName}</strong>
        {row.isStaff ? <span className="staff-badge">Staff</span> : null}
        {row.featured ? <span className="pick-badge">Editors’ pick</span> : null}
        <br />
        <a href={`mailto:${row.authorEmail}`}>{row.authorEmail}</a>
        {row.authorUrl ? (
          <>
            <br />
            <a href={row.authorUrl} rel="nofollow noopener noreferrer">
              {row.authorUrl}
            </a>
          </>
        ) : null}
        <br />
        <span className="queue-ip">IP {row.ip || 'unknown'}</span>
        <br />
        <span className="queue-history">
          {row.earlierApproved} earlier approved {row.earlierApproved === 1 ? 'comment' : 'comments'}
        </span>
      </td>
      <td className="queue-comment">
        <p className="queue-context">
          On <a href={`${articlePath}#comment-${row.id}`}>{row.articleHeadline}</a> · <TimeStamp date={row.createdAt} />
          {row.editedAt ? ' · edited' : ''}
        </p>
        {row.parentId ? (
          <p className="queue-parent">
            In reply to {row.parentAuthor ?? 'a removed comment'}
            {row.parentBody ? `: “${row.parentBody.slice(0, 120)}${row.parentBody.length > 120 ? '…' : ''}”` : ''}
          </p>
        ) : null}
        <div className="queue-body">
          <CommentBody body={row.body} />
        </div>
        {row.heldReason ? <p className="queue-reason">Held: {describeReason(row.heldReason)}</p> : null}
      </td>
      <td className="queue-actions">
        {opsForRow(ops, row).map((op) => (
          <button key={op} type="submit" name="intent" value={`${op}:${row.id}`} data-key={opKeys[op]} className={op === 'delete' ? 'danger' : undefined}>
            {opLabels[op]}
          </button>
        ))}
        {row.status === 'pending' || row.status === 'approved' ? (
          <>
            <a className="button" href={`/moderation/comments/${row.id}/reply`}>
              Reply
            </a>
            <a className="button" href={`/moderation/comments/${row.id}/edit`}>
              Edit
            </a>
          </>
        ) : null}
        {row.isStaff ? null : (
          <a className="button" href={`/moderation/bans/new?comment=${row.id}`} aria-label={`Ban ${row.authorName}`}>
            Ban commenter
          </a>
        )}
      </td>
    </tr>
  );
}
