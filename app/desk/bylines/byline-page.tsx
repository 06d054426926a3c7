import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { requireWriter } from '@/auth';
import { getByline } from '@/db/bylines';
import { canEditEveryStory } from '@/lib/user-roles';
import { BylineForm } from './byline-form';

/** One byline's form, for editors and admins. */
export async function BylinePage({ id, saved = false }: { id: number; saved?: boolean }) {
  const staff = await requireWriter(`/desk/bylines/${id}`);
  if (!canEditEveryStory(staff.role)) forbidden();
  const byline = getByline(id);
  if (!byline) notFound();
  return (
    <div className="story-page">
      <p className="story-page-back">
        <Link href="/desk/bylines">← Bylines</Link>
      </p>
      <h1>{byline.name}</h1>
      <p>
        <a href={`/authors/${byline.slug}`}>The author&apos;s page</a> (its address, /authors/{byline.slug}, stays as it is).
      </p>
      {saved ? (
        <p className="form-notice" role="status">
          Saved: the author&apos;s page and every story with this byline show it now.
        </p>
      ) : null}
      <BylineForm key={`${byline.name}\n${byline.bio}`} id={byline.id} initial={{ name: byline.name, bio: byline.bio }} />
    </div>
  );
}
