import { bylineText } from '@/lib/bylines';
import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { requireWriter } from '@/auth';
import { NamedOptions } from '@/components/named-options';
import { TimeStamp } from '@/components/time-stamp';
import { DESK_PAGE_SIZE, type DeskStoryFilter, deskFilterChoices, listDeskStories } from '@/db/stories';
import { authorOfUser } from '@/db/users';
import { pageWindow } from '@/lib/page-window';
import { articleStatuses, storyStatusNames } from '@/lib/story-status';
import { canEditEveryStory } from '@/lib/user-roles';

export const metadata: Metadata = { title: 'Stories' };


/** The list's filters as they arrive in the address; anything unreadable counts as not given. */
const Filters = z.object({
  status: z.enum(articleStatuses).optional().catch(undefined),
  section: z.coerce.number().int().positive().optional().catch(undefined),
  author: z.coerce.number().int().positive().optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

type Search = Record<string, string | string[] | undefined>;
const first = (search: Search) => Object.fromEntries(Object.entries(search).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value || undefined]));

function listHref(filters: z.infer<typeof Filters>, page: number) {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.section) params.set('section', String(filters.section));
  if (filters.author) params.set('author', String(filters.author));
  if (filters.q) params.set('q', filters.q);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/desk/stories?${query}` : '/desk/stories';
}

/** Every story on the desk (an author's own, for an author), newest change first, 50 a page. */
export default async function DeskStoriesPage(props: { searchParams: Promise<Search> }) {
  const staff = await requireWriter();
  const filters = Filters.parse(first(await props.searchParams));
  const everyStory = canEditEveryStory(staff.role);
  const byline = everyStory ? null : await authorOfUser(staff.id);
  const filter: DeskStoryFilter = {
    status: filters.status,
    sectionId: filters.section,
    authorId: everyStory ? filters.author : undefined,
    q: filters.q || undefined,
    // An author without a byline has no stories of their own yet: an id no author has.
    ownAuthorId: everyStory ? undefined : (byline?.id ?? 0),
  };
  const { rows, total } = await listDeskStories(filter, filters.page);
  const pageCount = Math.max(1, Math.ceil(total / DESK_PAGE_SIZE));
  const choices = await deskFilterChoices();

  return (
    <div className="stories">
      <div className="stories-head">
        <h1>{everyStory ? 'Stories' : 'My stories'}</h1>
        {everyStory || byline ? (
          <Link className="button primary" href="/desk/stories/new">
            New story
          </Link>
        ) : null}
      </div>
      {!everyStory && !byline ? (
        <p className="form-notice" role="status">
          Your account is not linked to a byline yet, so there are no stories of yours to show. An admin links it with{' '}
          <code>npm run user:create -- --author your-slug</code>.
        </p>
      ) : null}
      <form className="queue-filter" method="get" action="/desk/stories" role="search" aria-label="Filter stories">
        <span className="filter-field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ''}>
            <option value="">Any status</option>
            {articleStatuses.map((status) => (
              <option key={status} value={status}>
                {storyStatusNames[status]}
              </option>
            ))}
          </select>
        </span>
        <FilterSelect name="section" label="Section" any="All sections" value={filters.section} options={choices.sections} />
        {everyStory ? <FilterSelect name="author" label="Author" any="All authors" value={filters.author} options={choices.authors} /> : null}
        <span className="filter-field">
          <label htmlFor="filter-q">Search</label>
          <input id="filter-q" type="search" name="q" defaultValue={filters.q ?? ''} placeholder="Words in the headline" maxLength={200} />
        </span>
        <button type="submit">Filter</button>
      </form>

      <p className="stories-count" role="status">
        {total.toLocaleString('en-GB')} {total === 1 ? 'story' : 'stories'}
        {pageCount > 1 ? `, page ${filters.page} of ${pageCount}` : ''}
      </p>

      {rows.length > 0 ? (
        <table className="stories-table">
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">Status</th>
              <th scope="col">Section</th>
              <th scope="col">Byline</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((story) => (
              <tr key={story.id}>
                <th scope="row">
                  {everyStory || story.status === 'draft' || story.status === 'review' ? <Link href={`/desk/stories/${story.id}`} prefetch={false}>
                      {story.headline}
                    </Link> : story.headline}
                  {story.status === 'published' ? (
                    <>
                      {' '}
                      <a className="story-view" href={`/${story.sectionSlug}/${story.slug}`} aria-label={`View “${story.headline}” on the site`}>
                        View
                      </a>
                    </>
                  ) : null}
                </th>
                <td>
                  <span className={`story-status story-status-${story.status}`}>{storyStatusNames[story.status]}</span>
                </td>
                <td>{story.sectionName}</td>
                <td>{bylineText(story.bylines)}</td>
                <td>
                  {story.updatedAt ?? story.publishedAt ? <TimeStamp date={(story.updatedAt ?? story.publishedAt)!} /> : '—'}
                  {story.updatedByName ? <span className="field-hint"> by {story.updatedByName}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No stories match these filters.</p>
      )}

      {pageCount > 1 ? (
        <nav className="pagination" aria-label="Story pages">
          <ul>
            {pageWindow(Math.min(filters.page, pageCount), pageCount).map((item, i) =>
              item === 'gap' ? (
                <li key={`gap-${i}`}>…</li>
              ) : (
                <li key={item}>{item === filters.page ? <span aria-current="page">{item}</span> : <a href={listHref(filters, item)}>{item}</a>}</li>
              ),
            )}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}

/** One of the list's filters: a labelled choice among named things, or any of them. */
function FilterSelect({ name, label, any, value, options }: { name: string; label: string; any: string; value: number | undefined; options: { id: number; name: string }[] }) {
  return (
    <span className="filter-field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ''}>
        <NamedOptions first={any} options={options} />
      </select>
    </span>
  );
}
