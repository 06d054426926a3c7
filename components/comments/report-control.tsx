'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { REPORT_NOTE_MAX, reportMessages, reportReasonLabels, type ReportCommentState } from '@/lib/report-reasons';

const idle: ReportCommentState = { status: 'idle' };

/**
 * "Report" under an approved comment. In the page it is only a link, so that a thread of hundreds of
 * comments does not carry hundreds of forms: with JavaScript the form opens in place; without it the
 * link leads to `/comments/ID/report`, which shows the same form open (and the answer after posting).
 * Both of those routes use it, so each hands it the action (`reportComment`) rather than the
 * component reaching into a route for it.
 */
export function ReportControl({
  action,
  commentId,
  startOpen = false,
}: {
  action: (state: ReportCommentState, data: FormData) => Promise<ReportCommentState>;
  commentId: number;
  startOpen?: boolean;
}) {
  const [state, formAction, sending] = useActionState(action, idle);
  const [open, setOpen] = useState(startOpen);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const done = state.status === 'reported' || state.status === 'duplicate';

  // The form goes once the report is in; keep the keyboard where the answer is.
  useEffect(() => {
    if (done) statusRef.current?.focus();
  }, [done]);

  if (!open && state.status === 'idle') {
    return (
      <a
        className="report-link"
        href={`/comments/${commentId}/report`}
        rel="nofollow"
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          setOpen(true);
        }}
      >
        Report
      </a>
    );
  }

  return (
    <div className="report">
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
    </div>
  );
}
