import Link from 'next/link';
import { db } from '@/db/client';
import { failStalledJobs, listJobs } from '@/db/wordpress-jobs';
import { formatDateTime } from '@/lib/format';
import { DESK_IMPORT_MAX_BYTES } from '@/lib/wordpress/import-form';
import { ImportForm } from './import-form';
import { jobStatusNames } from './job-status';

/** The Import page: the form, and the imports started here, newest first. Its pages check that the reader is an admin. */
export async function ImportPage() {
  await failStalledJobs(db);
  const jobs = await listJobs(db);
  return (
    <div className="story-page">
      <h1>Import from WordPress</h1>
      <p>
        Brings a WordPress site over from its export: posts with their comments, categories, tags and authors, and its old addresses, which keep
        working. Importing the same site again adds what is new and updates what changed there; nothing is duplicated.
      </p>
      <ImportForm maxMegabytes={Math.floor(DESK_IMPORT_MAX_BYTES / 1024 / 1024)} />
      {jobs.length > 0 ? (
        <>
          <h2>Imports</h2>
          <table className="desk-table">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Started</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <td>
                    <Link href={`/desk/import/${job.id}`} prefetch={false}>
                      {job.fileName}
                    </Link>
                    {job.dryRun ? ' (dry run)' : ''}
                  </td>
                  <td>{formatDateTime(job.createdAt)}</td>
                  <td>{jobStatusNames[job.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
