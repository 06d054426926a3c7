import Link from 'next/link';

/**
 * A signed-in account on a desk page its role does not open (forbidden() in auth.ts and the desk
 * pages). Static on purpose: this boundary is part of every page's tree, and reading the session
 * here would make every public page render per request.
 */
export default function Forbidden() {
  return (
    <div className="not-found">
      <p className="kicker">Error 403</p>
      <h1>Not open to your account</h1>
      <p>
        Your role does not open this page: settings, accounts and privacy are for admins, the comments for moderators and editors,
        and a story for editors and, while it is a draft, its author. Ask an admin if you need it.
      </p>
      <p>
        <Link href="/desk/stories">The newsroom desk</Link> · <Link href="/moderation">The comment desk</Link>
      </p>
    </div>
  );
}
