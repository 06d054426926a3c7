import { CommentBody } from '@/components/comment-body';
import { TimeStamp } from '@/components/time-stamp';
import type { ReportedComment } from '@/db/reports';
import { pluralize } from '@/lib/format';
import { opKeys, opLabels } from '@/lib/moderation-ops';
import { reportReasonLabels } from '@/lib/report-reasons';

/**
 * The Reported queue's table, placed inside the desk's single form: a row per comment with open
 * reader reports, each report's reason and note, Dismiss (`dismiss:ID`) and the usual decisions.
 */
export function ReportedQueue({ rows, selectAll = false }: { rows: ReportedComment[]; selectAll?: boolean }) {
  if (rows.length === 0) return <p className="queue-empty">No reported comments.</p>;
  return (
    <table className="queue-table reported-table">
      <caption className="visually-hidden">Reported comments, most reported first</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Select</span>
          </th>
          <th scope="col">Author</th>
          <th scope="col">Comment</th>
          <th scope="col">Reports</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <ReportedRow key={row.id} row={row} checked={selectAll} />
        ))}
      </tbody>
    </table>
  );
}

function ReportedRow({ row, checked }: { row: ReportedComment; checked: boolean }) {
  const ops = row.status === 'approved' ? (['unapprove', 'spam', 'trash'] as const) : (['spam', 'trash'] as const);
  return (
    <tr data-comment-row tabIndex={-1} id={`row-${row.id}`}>
      <td>
        <input type="checkbox" name="ids" value={row.id} defaultChecked={checked} aria-label={`Select comment by ${row.authorName}`} />
      </td>
      <td className="queue-author">
        <strong>{row.authorName}</strong>
        <br />
        <a href={`mailto:${row.authorEmail}`}>{row.authorEmail}</a>
        <br />
        <span className="queue-ip">IP {row.ip || 'unknown'}</span>
      </td>
      <td className="queue-comment">
        <p className="queue-context">
          On <a href={`/${row.article.sectionSlug}/${row.article.slug}#comment-${row.id}`}>{row.article.headline}</a> ·{' '}
          <TimeStamp date={row.createdAt} />
          {row.status === 'pending' ? ' · sent back to Pending' : ''}
        </p>
        <div className="queue-body">
          <CommentBody body={row.body} />
        </div>
      </td>
      <td className="queue-reports">
        <p className="queue-reason">{pluralize(row.openReports, 'report')}</p>
        <ul className="report-list">
          {row.reports.map((report, i) => (
            <li key={i}>
              <strong>{reportReasonLabels[report.reason]}</strong>
              {report.note ? `: ${report.note}` : ''} <span className="report-time">(<TimeStamp date={report.createdAt} />)</span>
            </li>
          ))}
        </ul>
      </td>
      <td className="queue-actions">
        <button type="submit" name="intent" value={`dismiss:${row.id}`}>
          Dismiss
        </button>
        {ops.map((op) => (
          <button key={op} type="submit" name="intent" value={`${op}:${row.id}`} data-key={opKeys[op]}>
            {opLabels[op]}
          </button>
        ))}
        <a className="button" href={`/moderation/bans/new?comment=${row.id}`} aria-label={`Ban ${row.authorName}`}>
          Ban commenter
        </a>
      </td>
    </tr>
  );
}
