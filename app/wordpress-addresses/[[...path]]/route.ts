import type { NextRequest } from 'next/server';
import { answerOldAddress } from '@/app/(wordpress)/old-address';

/** `/` with one of WordPress's query keys (`/?p=123`, `/?cat=5`, `/?s=words`), which next.config.ts rewrites here. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ path?: string[] }> }) {
  const { path = [] } = await params;
  return answerOldAddress(`/${path.join('/')}`, request.nextUrl.searchParams);
}
