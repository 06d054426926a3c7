import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireWriter } from '@/auth';
import { listDeskSections } from '@/db/sections';
import { pluralize } from '@/lib/format';
import { canEditEveryStory } from '@/lib/user-roles';

export const metadata: Metadata = { title: 'Sections' };

export const instant = false;

/** `/desk/sections`: the sections in the masthead's order, for editors to add, rename and order. */
export default async function SectionsPage() {
  const staff = await requireWriter('/desk/sections');
  if (!canEditEveryStory(staff.role)) forbidden();
  const sections = await listDeskSections();
  return (
    <div className="story-page">
      <h1>Sections</h1>
      <p>Each section has its front and its feeds, and the masthead&apos;s navigation lists them in this order.</p>
      <p>
        <Link href="/desk/sections/new" className="button primary">
          New section
        </Link>
      </p>
      <table className="desk-table">
        <thead>
          <tr>
            <th scope="col">Place</th>
            <th scope="col">Name</th>
            <th scope="col">Address</th>
            <th scope="col">Stories</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((section, index) => (
            <tr key={section.id}>
              <td>{index + 1}</td>
              <td>
                <Link href={`/desk/sections/${section.id}`} prefetch={false}>
                  {section.name}
                </Link>
              </td>
              <td>/{section.slug}</td>
              <td>{pluralize(section.stories, 'story', 'stories')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
