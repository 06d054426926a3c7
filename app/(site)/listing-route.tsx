import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import type { ReactNode } from 'react';
import type { ArticleCard, Paged } from '@/db/articles';
import { Listing } from '@/components/listing';
import { feedAlternates } from '@/lib/feed-paths';
import { parsePage, parseSlug, placeholderParam } from '@/lib/params';

type Entity = { id: number; slug: string; name: string };

/**
 * Section fronts, author pages and tag pages are one shape: look something up by slug, list its
 * stories page by page, 404 for an unknown slug or a page past the end. Each is served at `/base/slug`
 * and, through the rewrites in next.config.ts, `/base/slug?page=N`.
 */
export function listingRoute<T extends Entity>(config: {
  kicker: string;
  basePath: (entity: T) => string;
  find: (slug: string) => Promise<T | null>;
  /** Where a former address of the entity leads now, if it had one (a renamed byline's old address). */
  moved?: (slug: string) => Promise<string | null>;
  /** Where an address that was never one of ours leads (an imported WordPress post's `/my-story`); page 1 only. */
  elsewhere?: (rawSlug: string) => Promise<string | null>;
  list: (entity: T, page: number) => Promise<Paged<ArticleCard>>;
  describe: (entity: T) => string;
  intro: (entity: T) => ReactNode;
  /** The entity's own feeds, linked from its pages' heads beside the site's. */
  feeds?: (entity: T) => Parameters<typeof feedAlternates>[0];
}) {
  async function load(rawSlug: string, rawPage?: string) {
    const slug = parseSlug(rawSlug);
    const page = parsePage(rawPage);
    if (!slug || page === null) return null;
    const entity = await config.find(slug);
    if (!entity) return null;
    const list = await config.list(entity, page);
    if (page > 1 && list.items.length === 0) return null;
    return { entity, list };
  }

  async function metadata(rawSlug: string, rawPage?: string): Promise<Metadata> {
    const data = await load(rawSlug, rawPage);
    if (!data) return {};
    const { entity, list } = data;
    const base = config.basePath(entity);
    return {
      title: list.page > 1 ? `${entity.name}, page ${list.page}` : entity.name,
      description: config.describe(entity),
      alternates: { canonical: list.page > 1 ? `${base}?page=${list.page}` : base, types: feedAlternates(config.feeds?.(entity)) },
    };
  }

  async function Page({ slug, page }: { slug: string; page?: string }) {
    const data = await load(slug, page);
    if (!data) {
      const valid = parseSlug(slug);
      const number = parsePage(page);
      const to = valid && number !== null && config.moved ? await config.moved(valid) : null;
      if (to) permanentRedirect(number! > 1 ? `${to}?page=${number}` : to);
      // Never for the build's placeholder path, whose render must not open the database.
      const elsewhere = page === undefined && slug !== placeholderParam && config.elsewhere ? await config.elsewhere(slug) : null;
      if (elsewhere) permanentRedirect(elsewhere);
      notFound();
    }
    const { entity, list } = data;
    return (
      <Listing
        kicker={config.kicker}
        title={entity.name}
        intro={config.intro(entity)}
        list={list}
        basePath={config.basePath(entity)}
      />
    );
  }

  return { metadata, Page };
}
