import Link from 'next/link';
import type { Staff } from '@/auth';
import { roleNames } from '@/lib/user-roles';
import { logOut } from './actions';

/**
 * The navigation both desks share (the comment desk's and the newsroom's layouts): the links this
 * account may follow, its name and role, and Sign out. Beside the sign-in, whose session it ends.
 */
export function DeskNav({ label, staff, links }: { label: string; staff: Staff; links: { href: string; text: string }[] }) {
  return (
    <nav className="desk-nav" aria-label={label}>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.text}</Link>
          </li>
        ))}
      </ul>
      <form action={logOut} className="desk-signout">
        <span>
          {staff.name} <span className="desk-role">({roleNames[staff.role].toLowerCase()})</span>
        </span>
        <button type="submit">Sign out</button>
      </form>
    </nav>
  );
}
