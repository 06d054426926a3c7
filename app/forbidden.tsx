import Link from 'next/link';
import { currentStaff } from '@/auth';
import { homeFor } from '@/lib/user-roles';

/** A signed-in account on a desk page its role does not open (forbidden() in auth.ts and the desk pages). */
export default async function Forbidden() {
  const staff = await currentStaff();
  return (
    <div className="not-found">
      <p className="kicker">Error 403</p>
      <h1>Not open to your account</h1>
      <p>
        Your role does not open this page: settings, accounts and privacy are for admins, the comments for moderators and editors,
        and a story for editors and, while it is a draft, its author. Ask an admin if you need it.
      </p>
      <p>
        <Link href={staff ? homeFor(staff.role) : '/login'}>Back to your desk</Link>
      </p>
    </div>
  );
}
