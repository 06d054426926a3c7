import Link from 'next/link';
import { site } from '@/lib/site';

export function Masthead() {
  return (
    <header className="masthead">
      <div className="masthead-inner">
        <p className="masthead-tagline">{site.tagline}</p>
        <Link href="/" className="masthead-name">
          {site.name}
        </Link>
      </div>
      <nav aria-label="Sections" className="sections-nav">
        <ul>
          <li>
            <Link href="/">Home</Link>
          </li>
          {site.navigation.map((section) => (
            <li key={section.slug}>
              <Link href={`/${section.slug}`}>{section.name}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
