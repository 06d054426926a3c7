import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireWriter } from '@/auth';
import { logOut } from '@/app/login/actions';
import { canModerateComments, roleNames } from '@/lib/user-roles';

export const metadata: Metadata = { title: { default: 'Newsroom', template: '%s | Newsroom | Broadsheet' }, robots: { index: false } };

// Per-person pages rendered whole on each request (no streaming, so they work without JavaScript).
export const instant = false;

/** The newsroom desk: stories, for admins, editors and authors (lib/user-roles.ts). */
export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const staff = await requireWriter();
  return (
    <div className="desk">
      <nav className="desk-nav" aria-label="Newsroom desk">
        <ul>
          <li>
            <Link href="/desk/stories">Stories</Link>
          </li>
          {canModerateComments(staff.role) ? (
            <li>
              <Link href="/moderation">Comments</Link>
            </li>
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
