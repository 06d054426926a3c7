import Link from 'next/link';
import { listNavigationSections } from '@/db/sections';
import { site } from '@/lib/site';

export async function Masthead() {
  const navigation = await listNavigationSections();
  return (
    <header className="masthead">
      <div className="masthead-inner">
        <p className="masthead-tagline">{site.tagline}</p>
        <Link href="/" className="masthead-name">
          {site.name}
        </Link>
        {/* A plain GET form: it searches with or without JavaScript. */}
        <form action="/search" role="search" aria-label="Site search" className="masthead-search">
          <label htmlFor="masthead-q" className="visually-hidden">
            Search the site
          </label>
          <input id="masthead-q" type="search" name="q" placeholder="Search" maxLength={200} />
          <button type="submit">Search</button>
        </form>
      </div>
      <nav aria-label="Sections" className="sections-nav">
        <ul>
          <li>
            <Link href="/">Home</Link>
          </li>
          {navigation.map((section) => (
            <li key={section.slug}>
              <Link href={`/${section.slug}`}>{section.name}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
