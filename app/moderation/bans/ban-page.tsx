import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireModerator } from '@/auth';
import { findBan, findCommenter } from '@/db/bans';
import { banFormValues, type BanFormValues, type BanKind, banKinds, emailDomain } from '@/lib/bans';
import { BanForm } from './ban-form';

const kindLinks: Record<BanKind, string> = { email: 'their email', ip: 'their IP address', domain: 'their email domain' };

/**
 * A ban's form: a new one (from a comment on the desk, `commentId`, with `kind` chosen by a link so
 * it works without JavaScript), or an existing one (`id`).
 */
export async function BanPage({ id, commentId, kind }: { id: number | null; commentId?: number | null; kind?: BanKind }) {
  await requireModerator(id === null ? '/moderation/bans/new' : `/moderation/bans/${id}`);
  const back = (
    <p className="story-page-back">
      <Link href="/moderation/bans">← Bans</Link>
    </p>
  );
  if (id !== null) {
    const ban = await findBan(id);
    if (!ban) notFound();
    return (
      <div className="story-page">
        {back}
        <h1>Ban #{ban.id}</h1>
        <p>
          Made by {ban.createdByName}. Lifting it is on the <Link href="/moderation/bans">Bans</Link> page.
        </p>
        <BanForm key={ban.updatedAt.getTime()} id={ban.id} initial={banFormValues(ban)} offerHold={false} />
      </div>
    );
  }
  const commenter = commentId ? await findCommenter(commentId) : null;
  const chosen: BanKind = kind ?? 'email';
  const valueFor = (k: BanKind) => (!commenter ? '' : k === 'email' ? commenter.authorEmail : k === 'ip' ? commenter.ip : (emailDomain(commenter.authorEmail) ?? ''));
  const initial: BanFormValues = { kind: chosen, value: valueFor(chosen), reason: '', expires: 'never', expiresAt: '' };
  return (
    <div className="story-page">
      {back}
      <h1>Ban a commenter</h1>
      {commenter ? (
        <>
          <p>
            The writer of <Link href={`/moderation?q=${encodeURIComponent(commenter.authorEmail)}&queue=approved`}>comment #{commenter.id}</Link>:{' '}
            <strong>{commenter.authorName}</strong>, {commenter.authorEmail}, IP {commenter.ip || 'unknown'}.
          </p>
          <nav aria-label="What to ban" className="ban-kind-links">
            Ban by:{' '}
            {banKinds.map((k, i) => (
              <span key={k}>
                {i ? ' · ' : ''}
                {k === chosen ? (
                  <strong aria-current="true">{kindLinks[k]}</strong>
                ) : (
                  <a href={`/moderation/bans/new?comment=${commenter.id}&kind=${k}`}>{kindLinks[k]}</a>
                )}
              </span>
            ))}
          </nav>
        </>
      ) : (
        <p>What they post while the ban is in force goes straight to Spam, its reason naming the ban. They are not told.</p>
      )}
      <BanForm key={`${commenter?.id ?? 0}-${chosen}`} id={null} initial={initial} offerHold />
    </div>
  );
}
