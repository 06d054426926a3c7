import { z } from 'zod';
import { MAX_DESK_BODY_BYTES } from '../../server/body-limits';
import { mediaSource } from './media';

/**
 * The desk's Import form (app/desk/import): the export file, a dry run, and where the old site's
 * images are. A post to the desk may be 32 MB (server/body-limits.ts); a larger export goes through
 * the command, which reads any size as a stream.
 */
export const DESK_IMPORT_MAX_BYTES = MAX_DESK_BODY_BYTES - 1024 * 1024;

export type ImportFieldName = 'file' | 'mediaFrom';
export type ImportFormValues = { dryRun: boolean; mediaFrom: string };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function parseImportForm(form: FormData): Promise<
  | { success: true; data: { file: File; dryRun: boolean; mediaFrom: string }; values: ImportFormValues }
  | { success: false; fieldErrors: Partial<Record<ImportFieldName, string>>; values: ImportFormValues }
> {
  const raw = z.object({ dryRun: z.string().optional(), mediaFrom: z.string().max(2000).catch('') }).parse({ dryRun: form.get('dryRun') ?? undefined, mediaFrom: form.get('mediaFrom') ?? '' });
  const values: ImportFormValues = { dryRun: raw.dryRun === 'on', mediaFrom: raw.mediaFrom.trim() };
  const fieldErrors: Partial<Record<ImportFieldName, string>> = {};
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) {
    fieldErrors.file = 'Please choose the export file (WordPress: Tools → Export → All content gives an .xml file).';
  } else if (file.size > DESK_IMPORT_MAX_BYTES) {
    fieldErrors.file = `That file is ${megabytes(file.size)}; the desk takes exports up to ${megabytes(DESK_IMPORT_MAX_BYTES)}. Import a larger one on the server with npm run import:wordpress (see README, “Moving from WordPress”).`;
  } else if (!looksLikeXml(Buffer.from(await file.slice(0, 512).arrayBuffer()))) {
    fieldErrors.file = 'That file is not a WordPress export: an export is an XML file (Tools → Export → All content), and this one is not XML.';
  }
  if (values.mediaFrom !== '') {
    // The site's address comes from the export; any http(s) address stands in for it to check the place.
    const source = mediaSource(values.mediaFrom, 'http://site.invalid');
    if ('error' in source) fieldErrors.mediaFrom = source.error;
  }
  if (Object.keys(fieldErrors).length > 0 || !(file instanceof File)) return { success: false, fieldErrors, values };
  return { success: true, data: { file, dryRun: values.dryRun, mediaFrom: values.mediaFrom }, values };
}

/** An XML document's start: a byte-order mark and white space allowed, then `<`. */
function looksLikeXml(head: Buffer): boolean {
  return /^(\uFEFF)?\s*</.test(head.toString('utf8'));
}
