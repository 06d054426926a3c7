import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { requireWriter } from '@/auth';
import { countSections, getDeskSection } from '@/db/sections';
import { canEditEveryStory } from '@/lib/user-roles';
import { SectionForm } from './section-form';

const savedNotice = {
  added: 'Added: its front is at the address below, and every page’s navigation shows it now.',
  changed: 'Saved: every page’s navigation, its front and its stories show it now.',
};

/** One section's form (a new one when `id` is null), for editors and admins. */
export async function SectionPage({ id, saved }: { id: number | null; saved?: keyof typeof savedNotice }) {
  const staff = await requireWriter(id === null ? '/desk/sections/new' : `/desk/sections/${id}`);
  if (!canEditEveryStory(staff.role)) forbidden();
  const places = await countSections();
  if (id === null) {
    return (
      <div className="story-page">
        <p className="story-page-back">
          <Link href="/desk/sections">← Sections</Link>
        </p>
        <h1>New section</h1>
        <SectionForm id={null} version="" initial={{ name: '', description: '', slug: '', position: String(places + 1) }} places={places + 1} fixedSlug={null} />
      </div>
    );
  }
  const section = await getDeskSection(id);
  if (!section) notFound();
  return (
    <div className="story-page">
      <p className="story-page-back">
        <Link href="/desk/sections">← Sections</Link>
      </p>
      <h1>{section.name}</h1>
      <p>
        <a href={`/${section.slug}`}>The section’s front</a> at /{section.slug}
      </p>
      {saved ? (
        <p className="form-notice" role="status">
          {savedNotice[saved]}
        </p>
      ) : null}
      <SectionForm
        key={section.version}
        id={section.id}
        version={section.version}
        initial={{ name: section.name, description: section.description, slug: section.slug, position: String(section.place) }}
        places={places}
        fixedSlug={section.stories > 0 ? { slug: section.slug, stories: section.stories } : null}
      />
    </div>
  );
}
