'use client';

import Link from 'next/link';

/** Something failed on our side while rendering a page: say so plainly, and offer a way on. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="not-found" role="alert">
      <p className="kicker">Something went wrong</p>
      <h1>This page could not be shown just now</h1>
      <p>We have logged the problem. Please try again in a moment.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{' '}
        or <Link href="/">go to the home page</Link>.
      </p>
    </div>
  );
}
