import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireWriter } from '@/auth';
import { listBylines } from '@/db/bylines';
import { pluralize } from '@/lib/format';
import { canEditEveryStory } from '@/lib/user-roles';

export const metadata: Metadata = { title: 'Bylines' };

export const instant = false;

/** `/desk/bylines`: every author profile, for editors to keep their names and bios. */
export default async function BylinesPage() {
  const staff = await requireWriter('/desk/bylines');
  if (!canEditEveryStory(staff.role)) forbidden();
  const bylines = await listBylines();
  return (
    <div className="story-page">
      <h1>Bylines</h1>
      <p>The names stories are published under, and the bios and photos on their authors&apos; pages. A story may carry several. A staff account writes under one (npm run user:create -- --author slug).</p>
      <p>
        <Link href="/desk/bylines/new" prefetch={false}>
          New byline
        </Link>
      </p>
      <table className="desk-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Address</th>
            <th scope="col">Stories</th>
          </tr>
        </thead>
        <tbody>
          {bylines.map((byline) => (
            <tr key={byline.id}>
              <td>
                <Link href={`/desk/bylines/${byline.id}`} prefetch={false}>
                  {byline.name}
                </Link>
              </td>
              <td>/authors/{byline.slug}</td>
              <td>{pluralize(byline.stories, 'story', 'stories')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
