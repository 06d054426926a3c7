'use server';

import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { redirect } from 'next/navigation';
import { currentStaff, isAdmin } from '@/auth';
import { db } from '@/db/client';
import { activeJob, failStalledJobs, queueJob } from '@/db/wordpress-jobs';
import { formDataOf } from '@/lib/action-args';
import { dataDir } from '@/lib/config';
import { isStorageError, storageMessage } from '@/lib/storage-errors';
import { parseImportForm, type ImportFieldName, type ImportFormValues } from '@/lib/wordpress/import-form';
import { runImportJob } from '@/lib/wordpress/run-job';

export type ImportFormState =
  | { status: 'idle' }
  | { status: 'invalid'; message: string; fieldErrors: Partial<Record<ImportFieldName, string>>; values: ImportFormValues; attempt: number };

/**
 * Starts an import of an uploaded WordPress export (admins only): the file is kept in the data
 * folder and read by a process of its own (lib/wordpress/run-job.ts); the browser goes to the
 * import's page, which shows its progress and then its summary.
 */
export async function startImport(previous: ImportFormState, submitted: FormData): Promise<ImportFormState> {
  const form = formDataOf(previous, submitted);
  const attempt = (typeof previous === 'object' && previous !== null && 'attempt' in previous ? Number(previous.attempt) || 0 : 0) + 1;
  const parsed = await parseImportForm(form);
  const refuse = (message: string, fieldErrors: Partial<Record<ImportFieldName, string>> = {}): ImportFormState => ({ status: 'invalid', message, fieldErrors, values: parsed.values, attempt });
  const staff = await currentStaff();
  if (!isAdmin(staff)) return refuse('Only an admin can import a site. Nothing was imported.');
  if (!parsed.success) return refuse('Please correct the fields marked below. Nothing was imported.', parsed.fieldErrors);
  await failStalledJobs(db);
  const running = await activeJob(db);
  if (running) return refuse(`An import is already running (${running.fileName}); start this one when it has finished.`);
  const { file, dryRun, mediaFrom } = parsed.data;
  let id: number;
  const folder = path.join(dataDir(), 'imports');
  const stored = path.join(folder, `${randomUUID()}.xml`);
  try {
    // The data folder holds commenters' emails; the export does too.
    await fs.mkdir(folder, { recursive: true, mode: 0o700 });
    await fs.writeFile(stored, Buffer.from(await file.arrayBuffer()), { mode: 0o600 });
    id = await queueJob(db, { fileName: file.name.slice(0, 200), filePath: stored, dryRun, mediaFrom, createdBy: staff.id });
  } catch (error) {
    await fs.rm(stored, { force: true });
    if (!isStorageError(error)) throw error;
    return refuse(`${storageMessage} Nothing was imported.`);
  }
  runImportJob(id);
  redirect(`/desk/import/${id}`);
}
