import type { Metadata } from 'next';
import { requireModerator } from '@/auth';
import { TimeStamp } from '@/components/time-stamp';
import { listOutboxProblems, outboxCounts } from '@/db/mail';
import { mailIsOn } from '@/lib/mail/enabled';
import { decodeNotice } from '@/lib/notice';
import { retryLetterForm } from './actions';

export const metadata: Metadata = { title: 'Mail' };

// Read per request with the session, and rendered whole so that the forms work without JavaScript.
export const instant = false;

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/**
 * `/moderation/mail`: what the outbox holds (server/mail-worker.ts sends it), and every email that
 * failed or is waiting to be tried again, with the mail server's answer and "Send again".
 */
export default async function MailPage(props: { searchParams: Promise<Search> }) {
  await requireModerator('/moderation/mail');
  const notice = decodeNotice(one((await props.searchParams).notice));
  if (!mailIsOn()) {
    return (
      <div className="queue">
        <h1>Mail</h1>
        <p className="desk-intro">This site sends no email: SMTP_URL is not set. README’s “Mail” says how to turn it on.</p>
      </div>
    );
  }
  const [counts, problems] = await Promise.all([outboxCounts(), listOutboxProblems({ page: 1 })]);
  return (
    <div className="queue">
      <h1>Mail</h1>
      <p className="desk-intro">
        Notifications, confirmations and moderators’ notices go out from an outbox, a few seconds after what caused them. Waiting:{' '}
        {counts.queued}. Sent in the last 24 hours: {counts.sentToday}. Failed: {counts.failed}.
      </p>
      {notice ? (
        <p className={notice.kind === 'done' ? 'form-notice' : 'form-error'} role={notice.kind === 'done' ? 'status' : 'alert'}>
          {notice.message}
        </p>
      ) : null}
      <table className="desk-table">
        <caption>Failed, or waiting to be tried again</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">To</th>
            <th scope="col">State</th>
            <th scope="col">Mail server’s answer</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {problems.length ? (
            problems.map((letter) => (
              <tr key={letter.id}>
                <td>
                  #{letter.id} {letterKindLabels[letter.kind] ?? letter.kind}
                  <br />
                  <TimeStamp date={letter.createdAt} />
                </td>
                <td>{letter.recipient}</td>
                <td>
                  {letter.status === 'failed' ? 'Failed' : 'Trying again'} after {letter.attempts} {letter.attempts === 1 ? 'attempt' : 'attempts'}
                  {letter.status !== 'failed' && letter.nextAttemptAt ? (
                    <>
                      ; next at <TimeStamp date={letter.nextAttemptAt} />
                    </>
                  ) : null}
                </td>
                <td className="mail-error">{letter.lastError}</td>
                <td>
                  {letter.status === 'failed' ? (
                    <form action={retryLetterForm}>
                      <input type="hidden" name="letter" value={letter.id} />
                      <button type="submit" aria-label={`Send email #${letter.id} again`}>
                        Send again
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))
          ) : (
            <tr>
              <td colSpan={5}>Nothing has failed.</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

const letterKindLabels: Record<string, string> = {
  confirm: 'Confirm address',
  reply: 'Reply notification',
  story: 'New comment notification',
  held: 'Held comment notice',
  reported: 'Reported comment notice',
};
