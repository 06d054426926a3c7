import { requireAdmin } from '@/auth';
import { EraseCommenterForm } from './erase-form';

/**
 * The Privacy page. Without JavaScript its form posts to /moderation/privacy/answer/erase, which is
 * never prerendered, so the response is rendered whole with the action's answer in it (as on the
 * People page: app/moderation/users/people.tsx).
 */
export async function PrivacyRequests() {
  await requireAdmin('/moderation/privacy');
  return (
    <>
      <h1>Privacy requests</h1>
      <section aria-labelledby="erase-title" className="desk-section">
        <h2 id="erase-title">Erase a commenter’s data</h2>
        <p className="desk-intro">
          As WordPress’s eraser does: their comments are signed “Anonymous”, and the email, website, IP address and browser stored with
          them are blanked; the words stay where they are in each thread. Failed sign-ins with the address are deleted. Readers see the
          change at once. The log records that an erasure was made, never whose. To give someone a copy of their data first, run{' '}
          <code>npm run privacy:export -- --email …</code> on the server.
        </p>
        <EraseCommenterForm answerAt="/moderation/privacy/answer/erase" />
      </section>
    </>
  );
}
