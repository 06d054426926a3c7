import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findAddressByToken } from '@/db/mail';
import { isManageNotice, maskedAddress, manageNotices, MailToken } from '@/lib/mail/manage';
import { placeholderParam } from '@/lib/params';
import { manageMail } from './actions';

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: 'Your email subscriptions', robots: { index: false, follow: false }, referrer: 'same-origin' };

// Read per request (the token's rows change with every form here), rendered whole so its forms work without JavaScript.
export const instant = false;

export function generateStaticParams() {
  return [{ token: placeholderParam }];
}

/**
 * `/email/TOKEN`: where every email's "Unsubscribe or manage" link leads, and the confirmation
 * letter's "Confirm my email". A visit changes nothing (mail scanners follow links); each change is
 * a button. The token is the only key, so the address is shown partly hidden.
 */
export default async function ManageMailPage(props: Props) {
  const token = MailToken.safeParse((await props.params).token);
  const address = token.success ? await findAddressByToken(token.data) : null;
  if (!token.success || !address) notFound();
  const done = (await props.searchParams).done;
  const notice = isManageNotice(done) ? manageNotices[done] : null;
  const hidden = <input type="hidden" name="token" value={token.data} />;
  return (
    <div className="article-page report-page email-page">
      <p className="kicker">Email</p>
      <h1>Your email subscriptions</h1>
      <p>
        For <strong>{maskedAddress(address.email)}</strong>.
      </p>
      {notice ? (
        <p className="form-notice" role="status">
          {notice}
        </p>
      ) : null}
      {address.blockedAt ? (
        <form action={manageMail} className="email-unblock">
          {hidden}
          <p>This address has asked never to be emailed by us again. Nothing is sent to it, and new subscriptions are not confirmed.</p>
          <p className="form-submit">
            <button type="submit" name="intent" value="unblock">
              Allow emails to this address again
            </button>
          </p>
        </form>
      ) : !address.confirmedAt ? (
        <form action={manageMail} className="email-confirm">
          {hidden}
          <p>
            Someone, probably you, asked for notifications of comments to be sent to this address. Nothing is sent until you confirm it is
            yours.
          </p>
          <p className="form-submit">
            <button type="submit" name="intent" value="confirm" className="primary">
              Confirm my email
            </button>
          </p>
        </form>
      ) : null}
      <h2>Subscriptions</h2>
      {address.subscriptions.length ? (
        <ul className="email-subscriptions">
          {address.subscriptions.map((subscription) => (
            <li key={subscription.id}>
              <form action={manageMail}>
                {hidden}
                <input type="hidden" name="subscription" value={subscription.id} />
                <span>
                  {subscription.commentId === null ? 'New comments on ' : 'Replies to your comment on '}
                  <Link href={subscription.path}>{subscription.headline}</Link>
                </span>{' '}
                <button type="submit" name="intent" value="unsubscribe" aria-label={`Unsubscribe: ${subscription.commentId === null ? 'new comments on' : 'replies to your comment on'} ${subscription.headline}`}>
                  Unsubscribe
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p>None: this address gets no notifications.</p>
      )}
      {address.blockedAt ? null : (
        <form action={manageMail} className="email-all">
          {hidden}
          <p className="form-submit">
            {address.subscriptions.length ? (
              <button type="submit" name="intent" value="all">
                Unsubscribe from everything
              </button>
            ) : null}{' '}
            <button type="submit" name="intent" value="block">
              Never email this address again
            </button>
          </p>
        </form>
      )}
    </div>
  );
}
