import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Masthead } from '@/components/masthead';
import { SiteFooter } from '@/components/site-footer';
import { siteUrl } from '@/lib/config';
import { feedAlternates } from '@/lib/feed-paths';
import { site } from '@/lib/site';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: `${site.name}: ${site.tagline}`, template: `%s | ${site.name}` },
  description: site.tagline,
  alternates: { types: feedAlternates() },
  openGraph: { type: 'website', siteName: site.name, locale: site.language.replace('-', '_') },
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbf9f4' },
    { media: '(prefers-color-scheme: dark)', color: '#16150f' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={site.language}>
      <body>
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        <Masthead />
        <main id="content" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
