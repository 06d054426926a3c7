import type { Metadata } from 'next';
import { banKinds, type BanKind } from '@/lib/bans';
import { parsePage } from '@/lib/params';
import { BanPage } from '../ban-page';

export const metadata: Metadata = { title: 'Ban a commenter' };

// Read per request with the session, and rendered whole so that the form works without JavaScript.
export const instant = false;

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/** `/moderation/bans/new?comment=12&kind=ip`: a ban of the writer of a comment, by what the link chose. */
export default async function NewBanPage(props: { searchParams: Promise<Search> }) {
  const search = await props.searchParams;
  const kind = (banKinds as readonly string[]).includes(one(search.kind)) ? (one(search.kind) as BanKind) : undefined;
  return <BanPage id={null} commentId={one(search.comment) ? parsePage(one(search.comment)) : null} kind={kind} />;
}
