import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { requireModerator } from '@/auth';
import { DeskNav } from '@/app/login/desk-nav';
import { mailIsOn } from '@/lib/mail/enabled';
import { canWriteStories } from '@/lib/user-roles';

export const metadata: Metadata = { title: { default: 'Moderation', template: '%s | Moderation | Broadsheet' }, robots: { index: false } };

// Per-person pages rendered whole on each request (no streaming, so they work without JavaScript).
export const instant = false;

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const staff = await requireModerator();
  const links = [
    { href: '/moderation', text: 'Comments' },
    { href: '/moderation/bans', text: 'Bans' },
    { href: '/moderation/log', text: 'Log' },
    ...(mailIsOn() ? [{ href: '/moderation/mail', text: 'Mail' }] : []),
    ...(canWriteStories(staff.role) ? [{ href: '/desk/stories', text: 'Stories' }] : []),
    ...(staff.role === 'admin'
      ? [
          { href: '/moderation/settings', text: 'Settings' },
          { href: '/moderation/users', text: 'People' },
          { href: '/moderation/privacy', text: 'Privacy' },
        ]
      : []),
  ];
  return (
    <div className="desk">
      <DeskNav label="Moderation desk" staff={staff} links={links} />
      {children}
    </div>
  );
}
