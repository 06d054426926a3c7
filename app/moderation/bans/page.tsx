import type { Metadata } from 'next';
import Link from 'next/link';
import { requireModerator } from '@/auth';
import { TimeStamp } from '@/components/time-stamp';
import { type BanRow, listBans } from '@/db/bans';
import { banInForce, banKindLabels } from '@/lib/bans';
import { decodeNotice } from '@/lib/notice';
import { liftBanForm } from './actions';
import { BanNotice } from './ban-notice';

export const metadata: Metadata = { title: 'Bans' };

// Read per request with the session, and rendered whole so that the forms work without JavaScript.
export const instant = false;

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/** `/moderation/bans`: the bans in force, those that have ended, and the way to change or lift each. */
export default async function BansPage(props: { searchParams: Promise<Search> }) {
  await requireModerator('/moderation/bans');
  const notice = decodeNotice(one((await props.searchParams).notice));
  const now = new Date();
  const bans = await listBans();
  const inForce = bans.filter((ban) => banInForce(ban, now));
  const ended = bans.filter((ban) => !banInForce(ban, now));
  return (
    <div className="queue">
      <h1>Bans</h1>
      <p className="desk-intro">
        A banned commenter&apos;s new comments go straight to Spam, their reason naming the ban; they are not told. Ban someone from their comment on the{' '}
        <Link href="/moderation">Comments</Link> desk (Ban commenter), or here.
      </p>
      <BanNotice key={notice?.at ?? 0} notice={notice} />
      <p>
        <Link href="/moderation/bans/new" className="button primary">
          New ban
        </Link>
      </p>
      <BanTable caption="In force" bans={inForce} empty="No bans are in force." />
      {ended.length ? <BanTable caption="Ended" bans={ended} empty="" /> : null}
    </div>
  );
}

function BanTable({ caption, bans, empty }: { caption: string; bans: BanRow[]; empty: string }) {
  return (
    <section aria-label={caption}>
      <h2>{caption}</h2>
      {bans.length ? (
        <table className="desk-table bans-table">
          <thead>
            <tr>
              <th scope="col">Ban</th>
              <th scope="col">Reason</th>
              <th scope="col">Ends</th>
              <th scope="col">Made</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {bans.map((ban) => (
              <tr key={ban.id}>
                <td>
                  <span className="field-hint">{banKindLabels[ban.kind]}</span>
                  <br />
                  <code>{ban.value}</code>
                </td>
                <td>{ban.reason}</td>
                <td>{ban.expiresAt ? <TimeStamp date={ban.expiresAt} /> : 'Never'}</td>
                <td>
                  <TimeStamp date={ban.createdAt} /> by {ban.createdByName}
                </td>
                <td className="queue-actions">
                  <Link className="button" href={`/moderation/bans/${ban.id}`} aria-label={`Edit the ban on ${ban.value}`}>
                    Edit
                  </Link>
                  <form action={liftBanForm}>
                    <input type="hidden" name="id" value={ban.id} />
                    <button type="submit" aria-label={`Lift the ban on ${ban.value}`}>
                      {caption === 'Ended' ? 'Remove' : 'Lift'}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="queue-empty">{empty}</p>
      )}
    </section>
  );
}
