import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { requireWriter } from '@/auth';
import { getByline } from '@/db/bylines';
import { canEditEveryStory } from '@/lib/user-roles';
import { BylineForm } from './byline-form';

/** One byline's form (a new one's when `id` is null), for editors and admins. */
export async function BylinePage({ id, saved = false }: { id: number | null; saved?: boolean }) {
  const staff = await requireWriter(id === null ? '/desk/bylines/new' : `/desk/bylines/${id}`);
  if (!canEditEveryStory(staff.role)) forbidden();
  const byline = id === null ? null : await getByline(id);
  if (id !== null && !byline) notFound();
  return (
    <div className="story-page">
      <p className="story-page-back">
        <Link href="/desk/bylines">← Bylines</Link>
      </p>
      <h1>{byline ? byline.name : 'New byline'}</h1>
      {byline ? (
        <p>
          <a href={`/authors/${byline.slug}`}>The author&apos;s page</a>, at /authors/{byline.slug}.
        </p>
      ) : null}
      {saved ? (
        <p className="form-notice" role="status">
          Saved: the author&apos;s page and every story with this byline show it now.
        </p>
      ) : null}
      <BylineForm
        // A form for one version: a save draws it afresh with what was saved.
        key={byline ? JSON.stringify(byline) : 'new'}
        id={byline?.id ?? null}
        initial={{ name: byline?.name ?? '', slug: byline?.slug ?? '', bio: byline?.bio ?? '', photo: byline?.photoSrc ?? '', removePhoto: false }}
      />
    </div>
  );
}
