import Link from 'next/link';
import { listNavigationSections } from '@/db/sections';
import { site } from '@/lib/site';

export default async function NotFound() {
  const navigation = await listNavigationSections();
  return (
    <div className="not-found">
      <p className="kicker">Error 404</p>
      <h1>We couldn’t find that page</h1>
      <p>The story may have moved, or the address may be mistyped.</p>
      <ul>
        <li>
          <Link href="/">Go to the {site.name} home page</Link>
        </li>
        {navigation.map((section) => (
          <li key={section.slug}>
            <Link href={`/${section.slug}`}>Latest in {section.name}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
