import Link from 'next/link';
import { listNavigationSections } from '@/db/sections';
import { site } from '@/lib/site';

export async function SiteFooter() {
  const navigation = await listNavigationSections();
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p className="site-footer-name">{site.name}</p>
        <nav aria-label="Footer">
          <ul>
            {navigation.map((section) => (
              <li key={section.slug}>
                <Link href={`/${section.slug}`}>{section.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="site-footer-small">
          Sample content written for the Broadsheet demonstration site. Photographs are illustrations made for it.
        </p>
      </div>
    </footer>
  );
}
