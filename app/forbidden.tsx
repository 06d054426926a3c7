import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="not-found">
      <p className="kicker">Error 403</p>
      <h1>Admins only</h1>
      <p>Your account can moderate comments, but this page is for admins. Ask an admin if you need it.</p>
      <p>
        <Link href="/moderation">Back to the moderation desk</Link>
      </p>
    </div>
  );
}
