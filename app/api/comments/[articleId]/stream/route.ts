// TEMPORARY, for the SSE-against-polling measurement (bench/live-readers.ts); removed in the next commit.
import { and, count, eq, max } from 'drizzle-orm';
import { connection } from 'next/server';
import { db } from '@/db/client';
import { comments } from '@/db/schema';

type Listener = { send: (text: string) => void };
const listeners = new Map<number, Set<Listener>>();
const lastSent = new Map<number, string>();
let ticker: ReturnType<typeof setInterval> | undefined;
let pings = 0;

/** One check a second per process for every story with listeners (the fan-out a real SSE design needs), a ping every 15 s. */
function startTicker() {
  ticker ??= setInterval(() => void tick(), 1000);
}

async function tick() {
  {
    pings += 1;
    for (const [articleId, set] of listeners) {
      const [row] = await db
        .select({ count: count(), newestId: max(comments.id) })
        .from(comments)
        .where(and(eq(comments.articleId, articleId), eq(comments.status, 'approved')));
      const data = JSON.stringify({ count: Number(row?.count ?? 0), newestId: row?.newestId ?? null });
      const changed = lastSent.get(articleId) !== data;
      lastSent.set(articleId, data);
      for (const listener of set) {
        if (changed) listener.send(`data: ${data}\n\n`);
        else if (pings % 15 === 0) listener.send(': ping\n\n');
      }
    }
  }
}

export async function GET(request: Request, { params }: { params: Promise<{ articleId: string }> }) {
  await connection();
  const articleId = Number((await params).articleId);
  const encoder = new TextEncoder();
  let listener: Listener | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      listener = { send: (text) => controller.enqueue(encoder.encode(text)) };
      let set = listeners.get(articleId);
      if (!set) listeners.set(articleId, (set = new Set()));
      set.add(listener);
      startTicker();
      controller.enqueue(encoder.encode(`retry: 15000\n\n`));
      request.signal.addEventListener('abort', () => {
        set.delete(listener!);
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      listeners.get(articleId)?.delete(listener!);
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' } });
}
