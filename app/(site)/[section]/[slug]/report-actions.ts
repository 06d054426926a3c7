'use server';

import { formDataOf } from '@/lib/action-args';
import { clientAddress } from '@/server/client-ip';
import { headers } from 'next/headers';
import { browserId } from '@/server/browser-id';
import { commentsChanged } from '@/db/invalidate';
import { insertReport } from '@/db/reports';
import type { ReportCommentState } from '@/lib/report-reasons';
import { parseReportInput, reportMessages } from '@/lib/reports';

/**
 * Receives "Report" under a comment. Anyone may report, as anyone may comment, so there is no
 * session to check: one report per browser (a random id in a cookie) and comment, and open reports
 * from enough different addresses send the comment back to Pending for a moderator to decide. The answer is a state the form
 * shows in place, with JavaScript and in the page the no-JavaScript post renders.
 */
export async function reportComment(_previous: ReportCommentState, submitted: FormData): Promise<ReportCommentState> {
  const formData = formDataOf(_previous, submitted);
  const parsed = parseReportInput(Object.fromEntries(formData));
  if (!parsed.success) return { status: 'invalid', message: parsed.message };
  const { commentId, reason, note } = parsed.data;

  const reporter = await browserId();
  const ip = clientAddress((await headers()).get('x-forwarded-for'));

  const result = await insertReport({ commentId, reason, note, reporter, ip, now: new Date() });
  if (result.kind === 'not-found') return { status: 'invalid', message: reportMessages.gone };
  if (result.kind === 'duplicate') return { status: 'duplicate' };

  // A report that is not counted (the same address again, or past its hourly cap) is thanked alike.
  if (result.sentBack) commentsChanged([result.articleId]);
  return { status: 'reported' };
}
