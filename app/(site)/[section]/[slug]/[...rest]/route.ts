import type { NextRequest } from 'next/server';
import { answerOldAddress } from '@/app/(wordpress)/old-address';

/**
 * A path of three or more segments that no page of a story holds: perhaps an old WordPress
 * permalink (`/2025/02/12/my-story`), else a 404 (app/(wordpress)/old-address.ts).
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ section: string; slug: string; rest: string[] }> }) {
  const { section, slug, rest } = await params;
  return answerOldAddress(['', section, slug, ...rest].join('/'), request.nextUrl.searchParams);
}
