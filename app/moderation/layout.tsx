import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireModerator } from '@/auth';
import { logOut } from '@/app/login/actions';
import { canWriteStories, roleNames } from '@/lib/user-roles';

export const metadata: Metadata = { title: { default: 'Moderation', template: '%s | Moderation | Broadsheet' }, robots: { index: false } };

// Per-person pages rendered whole on each request (no streaming, so they work without JavaScript).
export const instant = false;

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const staff = await requireModerator();
  return (
    <div className="desk">
      <nav className="desk-nav" aria-label="Moderation desk">
        <ul>
          <li>
            <Link href="/moderation">Comments</Link>
          </li>
          <li>
            <Link href="/moderation/log">Log</Link>
          </li>
          {canWriteStories(staff.role) ? (
            <li>
              <Link href="/desk/stories">Stories</Link>
            </li>
          ) : null}
          {staff.role === 'admin' ? (
            <>
              <li>
                <Link href="/moderation/settings">Settings</Link>
              </li>
              <li>
                <Link href="/moderation/users">People</Link>
              </li>
              <li>
                <Link href="/moderation/privacy">Privacy</Link>
              </li>
            </>
          ) : null}
        </ul>
        <form action={logOut} className="desk-signout">
          <span>
            {staff.name} <span className="desk-role">({roleNames[staff.role].toLowerCase()})</span>
          </span>
          <button type="submit">Sign out</button>
        </form>
      </nav>
      {children}
    </div>
  );
}
