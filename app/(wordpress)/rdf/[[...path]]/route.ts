import type { NextRequest } from 'next/server';
import { answerOldAddress } from '../../old-address';

/** `/rdf…`: an old WordPress address (../../old-address.ts). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ path?: string[] }> }) {
  const { path = [] } = await params;
  return answerOldAddress(['/rdf', ...path].join('/'), request.nextUrl.searchParams);
}
