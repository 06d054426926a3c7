import type { NextRequest } from 'next/server';
import { answerOldAddress } from '../../old-address';

/** `/author…`: an old WordPress address (../../old-address.ts). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ path?: string[] }> }) {
  const { path = [] } = await params;
  return answerOldAddress(['/author', ...path].join('/'), request.nextUrl.searchParams);
}
