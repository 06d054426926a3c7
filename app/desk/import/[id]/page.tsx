import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireAdmin } from '@/auth';
import { db } from '@/db/client';
import { failStalledJobs, getJob } from '@/db/wordpress-jobs';
import { formatDateTime } from '@/lib/format';
import { placeholderParam } from '@/lib/params';
import type { ImportProgress } from '@/lib/wordpress/progress-text';
import { pace, progressLine, skippedLines, summaryLine } from '@/lib/wordpress/progress-text';
import { jobStatusNames } from '../job-status';

export const metadata: Metadata = { title: 'Import' };

export const instant = false;

// Only a placeholder is prerendered (the build never reads the database).
export function generateStaticParams() {
  return [{ id: placeholderParam }];
}

/**
 * One import: its progress while it runs (the page reloads itself every two seconds, which needs no
 * JavaScript), then its summary, what it skipped and what needs a look.
 */
export default async function ImportJobPage(props: { params: Promise<{ id: string }> }) {
  const { id } = await props.params;
  await requireAdmin(`/desk/import/${id}`);
  if (!/^\d{1,12}$/.test(id)) notFound();
  await failStalledJobs(db);
  const job = await getJob(db, Number(id));
  if (!job) notFound();
  const progress = job.progress as ImportProgress | null;
  const active = job.status === 'queued' || job.status === 'running';
  const percent = progress ? pace(progress).percent : null;
  return (
    <div className="story-page">
      {active ? <meta httpEquiv="refresh" content="2" /> : null}
      <p>
        <Link href="/desk/import">← Import from WordPress</Link>
      </p>
      <h1>
        Import of {job.fileName}
        {job.dryRun ? ' (dry run)' : ''}
      </h1>
      <p>
        Started {formatDateTime(job.createdAt)}
        {job.finishedAt ? `, ended ${formatDateTime(job.finishedAt)}` : ''}.
      </p>
      <p role="status" className="import-status">
        <strong>{jobStatusNames[job.status]}</strong>
        {active && progress ? `: ${progressLine(progress)}` : active ? '…' : ''}
      </p>
      {active && percent !== null ? (
        <progress max={100} value={percent} aria-label="Share of the file read">
          {percent}%
        </progress>
      ) : null}
      {job.summary ? <p>{job.summary}</p> : !active && progress && progress.itemsRead > 0 ? <p>{summaryLine(progress, job.dryRun)}</p> : null}
      {job.error ? (
        <p className="form-error" role="alert">
          {job.error}
        </p>
      ) : null}
      {progress && skippedLines(progress).length > 0 ? (
        <>
          <h2>Skipped</h2>
          <ul>
            {skippedLines(progress).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {progress && progress.warnings.length > 0 ? (
        <>
          <h2>Worth a look</h2>
          <ul>
            {progress.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </>
      ) : null}
      {job.status === 'done' && !job.dryRun ? (
        <p>
          The stories are on the <Link href="/desk/stories">story list</Link>; held comments are in the <Link href="/moderation">moderation queue</Link>.
        </p>
      ) : null}
    </div>
  );
}
