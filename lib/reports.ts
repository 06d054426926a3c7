import { z } from 'zod';
import { REPORT_NOTE_MAX, reportMessages, reportReasonLabels } from './report-reasons';

export { REPORT_NOTE_MAX, reportMessages, reportReasonLabels } from './report-reasons';

/** The HttpOnly cookie holding a browser's random reporter id: one report per browser and comment. */
export const REPORTER_COOKIE = 'bs_reporter';

const reasons = Object.keys(reportReasonLabels) as [keyof typeof reportReasonLabels, ...(keyof typeof reportReasonLabels)[]];

/** Control characters other than tab and newline never belong in a note a moderator reads. */
const stripControls = (value: unknown) =>
  typeof value === 'string' ? value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '') : value;

/** The Report form as the server receives it. */
export const ReportInput = z.object({
  commentId: z.coerce.number({ error: reportMessages.gone }).int(reportMessages.gone).positive(reportMessages.gone),
  reason: z.enum(reasons, { error: reportMessages.reasonMissing }),
  note: z.preprocess((v) => stripControls(v ?? ''), z.string().trim().max(REPORT_NOTE_MAX, reportMessages.noteLong)),
});

export type ReportInput = z.infer<typeof ReportInput>;

/** The first message of a failed parse, for the one status line the form shows. */
export function parseReportInput(raw: Record<string, unknown>): { success: true; data: ReportInput } | { success: false; message: string } {
  const parsed = ReportInput.safeParse(raw);
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, message: parsed.error.issues[0]?.message ?? reportMessages.gone };
}

/** Whether this many open reports send an approved comment back to Pending. */
export function reachesThreshold(openReports: number, threshold: number): boolean {
  return threshold >= 1 && openReports >= threshold;
}
