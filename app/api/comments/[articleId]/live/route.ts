import { connection } from 'next/server';
import { getLiveCount } from '@/db/live-comments';
import { etagMatches, liveEtag } from '@/lib/live-comments';
import { answeredWhenStorageFails } from '@/app/storage-unavailable';

type Props = { params: Promise<{ articleId: string }> };

/**
 * Any cache may keep the answer but must ask again each time: readers poll with If-None-Match and
 * most answers are a 304 of a few bytes (docs/performance.md#live-new-comments).
 */
const cacheControl = 'public, no-cache';

/**
 * `/api/comments/{articleId}/live`: a published story's approved-comment count and newest approved
 * id, polled by its open pages (live-comments.tsx) to offer "N new comments — show". From the cache,
 * which an approval on any server clears at once (db/live-comments.ts); 304 when nothing changed;
 * 404 for a draft, an unknown story or anything that is not an id.
 */
export const GET = answeredWhenStorageFails('live comments', async function GET(request: Request, { params }: Props) {
  await connection();
  const { articleId } = await params;
  const live = /^[1-9][0-9]{0,11}$/.test(articleId) ? await getLiveCount(Number(articleId)) : null;
  if (!live) {
    return Response.json({ error: 'Not found' }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  }
  const etag = liveEtag(live);
  const headers = { ETag: etag, 'Cache-Control': cacheControl };
  if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return Response.json(live, { headers });
});
