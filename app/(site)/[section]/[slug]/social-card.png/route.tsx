import { bylineText } from '@/lib/bylines';
import { cacheLife, cacheTag } from 'next/cache';
import { ImageResponse } from 'next/og';
import { connection } from 'next/server';
import { getArticleBySlug } from '@/db/articles';
import { tags } from '@/db/tags';
import { parseSlug, placeholderParam } from '@/lib/params';
import { site } from '@/lib/site';
import { cardText, socialCardSize } from '@/lib/social-card';

type Props = { params: Promise<{ section: string; slug: string }> };

export function generateStaticParams() {
  return [{ section: placeholderParam, slug: placeholderParam }];
}

/**
 * `/{section}/{slug}/social-card.png`: the OpenGraph and Twitter image of a story that has no photo
 * of its own, drawn from its section, headline and byline. Rendered once per story version and kept
 * (the PNG bytes are cached under the story's tags); 404 for a draft or an unknown story.
 */
export async function GET(_request: Request, { params }: Props) {
  await connection();
  const slug = parseSlug((await params).slug);
  const png = slug ? await renderSocialCard(slug) : null;
  if (!png) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(png as Uint8Array<ArrayBuffer>, {
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=3600' },
  });
}

async function renderSocialCard(slug: string): Promise<Uint8Array | null> {
  'use cache';
  cacheTag(tags.articleSlug(slug));
  cacheLife('content');
  const article = await getArticleBySlug(slug);
  if (!article) return null;
  cacheTag(tags.article(article.id));
  const headline = cardText(article.headline);
  const image = new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          padding: '56px 72px',
          background: '#fbf9f4',
          color: '#1b1a17',
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center', paddingBottom: 20 }}>
          <div
            style={{
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              width: 72,
              height: 72,
              marginRight: 24,
              background: '#1b1a17',
              color: '#fbf9f4',
              fontSize: 52,
            }}
          >
            B
          </div>
          <div style={{ display: 'flex', fontSize: 52, letterSpacing: '-0.02em' }}>{site.name}</div>
        </div>
        {/* The masthead's double rule (the renderer has no `double` border style). */}
        <div style={{ display: 'flex', height: 3, background: '#1b1a17' }} />
        <div style={{ display: 'flex', height: 1, marginTop: 4, background: '#1b1a17' }} />
        <div style={{ display: 'flex', marginTop: 44, fontSize: 28, letterSpacing: '0.08em', textTransform: 'uppercase', color: '#a3201c' }}>
          {cardText(article.sectionName)}
        </div>
        <div style={{ display: 'flex', flexGrow: 1, overflow: 'hidden', marginTop: 16, fontSize: headline.length > 90 ? 52 : 64, lineHeight: 1.15 }}>
          {headline}
        </div>
        <div style={{ display: 'flex', fontSize: 28, color: '#4a4740' }}>By {cardText(bylineText(article.bylines))}</div>
      </div>
    ),
    socialCardSize,
  );
  return new Uint8Array(await image.arrayBuffer());
}
