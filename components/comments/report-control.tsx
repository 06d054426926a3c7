'use client';

import { useActionState, useEffect, useRef } from 'react';
import { reportComment, type ReportCommentState } from '@/app/(site)/[section]/[slug]/report-actions';
import { REPORT_NOTE_MAX, reportMessages, reportReasonLabels } from '@/lib/report-reasons';

const idle: ReportCommentState = { status: 'idle' };

/**
 * "Report" under an approved comment: a disclosure holding a plain form, so that it opens and posts
 * without JavaScript too (the answer then comes back in the page the post renders, the details open).
 */
export function ReportControl({ commentId }: { commentId: number }) {
  const [state, formAction, sending] = useActionState(reportComment, idle);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const done = state.status === 'reported' || state.status === 'duplicate';

  // The form goes once the report is in; keep the keyboard where the answer is.
  useEffect(() => {
    if (done) statusRef.current?.focus();
  }, [done]);

  return (
    <details className="report" open={state.status !== 'idle' || undefined}>
      <summary>Report</summary>
      <p ref={statusRef} className={state.status === 'invalid' ? 'report-status is-error' : 'report-status'} role="status" tabIndex={-1}>
        {state.status === 'idle' ? null : state.status === 'invalid' ? state.message : reportMessages[state.status]}
      </p>
      {done ? null : (
        <form action={formAction} className="report-form">
          <fieldset>
            <legend>Why are you reporting this comment?</legend>
            {Object.entries(reportReasonLabels).map(([value, label]) => (
              <label key={value}>
                <input type="radio" name="reason" value={value} required /> {label}
              </label>
            ))}
          </fieldset>
          <label className="report-note">
            Note (optional)
            <textarea name="note" rows={2} maxLength={REPORT_NOTE_MAX} />
          </label>
          <input type="hidden" name="commentId" value={commentId} />
          <button type="submit" disabled={sending} aria-busy={sending || undefined}>
            Send report
          </button>
        </form>
      )}
    </details>
  );
}
