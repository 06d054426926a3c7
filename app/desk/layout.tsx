import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { requireWriter } from '@/auth';
import { DeskNav } from '@/app/login/desk-nav';
import { canEditEveryStory, canModerateComments } from '@/lib/user-roles';

export const metadata: Metadata = { title: { default: 'Newsroom', template: '%s | Newsroom | Broadsheet' }, robots: { index: false } };

// Per-person pages rendered whole on each request (no streaming, so they work without JavaScript).
export const instant = false;

/** The newsroom desk: stories, for admins, editors and authors (lib/user-roles.ts). */
export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const staff = await requireWriter();
  const links = [
    { href: '/desk/stories', text: 'Stories' },
    ...(canEditEveryStory(staff.role)
      ? [
          { href: '/desk/bylines', text: 'Bylines' },
          { href: '/desk/sections', text: 'Sections' },
        ]
      : []),
    ...(staff.role === 'admin' ? [{ href: '/desk/import', text: 'Import' }] : []),
    ...(canModerateComments(staff.role) ? [{ href: '/moderation', text: 'Comments' }] : []),
  ];
  return (
    <div className="desk">
      <DeskNav label="Newsroom desk" staff={staff} links={links} />
      {children}
    </div>
  );
}
