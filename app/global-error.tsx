'use client';

/** When even the site's layout cannot render: a plain page of its own. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '36rem', margin: '3rem auto', padding: '0 1rem' }}>
        <h1>Broadsheet is having trouble</h1>
        <p>This page could not be shown just now. We have logged the problem; please try again in a moment.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
