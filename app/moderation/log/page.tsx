import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireModerator } from '@/auth';
import { Pagination } from '@/components/pagination';
import { TimeStamp } from '@/components/time-stamp';
import { listLog } from '@/db/moderation-log';
import { parsePage } from '@/lib/params';

export const metadata: Metadata = { title: 'Log' };

// Read per request with the session, and rendered whole (no streaming) like the rest of the desk.
export const instant = false;

type Props = { searchParams: Promise<{ page?: string | string[] }> };

/** Every moderation decision and settings or account change, newest first. Read-only by design. */
export default async function LogPage(props: Props) {
  await requireModerator('/moderation/log');
  const { page: pageParam } = await props.searchParams;
  const page = parsePage(typeof pageParam === 'string' ? pageParam : undefined);
  if (page === null) notFound();
  const { rows, total, pageCount } = await listLog(page);
  if (page > pageCount) notFound();

  return (
    <>
      <h1>Log</h1>
      <p className="desk-intro">
        {total === 1 ? '1 entry' : `${total.toLocaleString('en-GB')} entries`}, newest first. Entries cannot be changed or removed.
      </p>
      {rows.length === 0 ? (
        <p>Nothing has been logged yet.</p>
      ) : (
        <table className="desk-log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <TimeStamp date={row.createdAt} />
                </td>
                <td>{row.actorName}</td>
                <td>
                  <code>{row.action}</code>
                </td>
                <td>{row.targetId === null ? row.targetType : `${row.targetType} #${row.targetId}`}</td>
                <td>
                  <LogValue value={row.before} other={row.after} />
                </td>
                <td>
                  <LogValue value={row.after} other={row.before} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination basePath="/moderation/log" page={page} pageCount={pageCount} />
    </>
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const compact = (value: unknown) => JSON.stringify(value) ?? String(value);

/**
 * An object as a list of its fields, those that differ from the other side marked, so a settings
 * change of one rule among eleven stands out; anything else as compact JSON.
 */
function LogValue({ value, other }: { value: unknown; other: unknown }) {
  if (value === null || value === undefined) {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">nothing</span>
      </>
    );
  }
  if (!isRecord(value)) return <pre className="log-json">{compact(value)}</pre>;
  const entries = Object.entries(value);
  if (entries.length === 0) return <pre className="log-json">{'{}'}</pre>;
  return (
    <dl className="log-fields">
      {entries.map(([key, field]) => {
        const changed = isRecord(other) && compact(other[key]) !== compact(field);
        return (
          <div key={key} className={changed ? 'is-changed' : undefined}>
            <dt>
              {key}
              {changed ? <span className="visually-hidden"> (changed)</span> : null}
            </dt>
            <dd>
              <code>{compact(field)}</code>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
