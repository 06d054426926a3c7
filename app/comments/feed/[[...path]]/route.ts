import type { NextRequest } from 'next/server';
import { answerOldAddress } from '@/app/(wordpress)/old-address';

/** `/comments/feed`: WordPress's feed of every comment (app/(wordpress)/old-address.ts). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ path?: string[] }> }) {
  const { path = [] } = await params;
  return answerOldAddress(['/comments/feed', ...path].join('/'), request.nextUrl.searchParams);
}
