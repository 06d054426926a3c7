import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { readWxr } from './wxr';
import { syntheticExport } from './wxr-samples';

// Measuring what is retained, not garbage that is merely not yet collected, needs a collection first.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const retainedHeap = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

it('reads a generated export of 20,000 items with their comments in bounded memory', async () => {
  let bytes = 0;
  const source = Readable.from((function* () {
    for (const piece of syntheticExport({ items: 20_000, commentsPerItem: 1, bodyBytes: 100 })) {
      const chunk = Buffer.from(piece);
      bytes += chunk.length;
      yield chunk;
    }
  })());
  const before = retainedHeap();
  let peak = before;
  let items = 0;
  let comments = 0;
  for await (const event of readWxr(source)) {
    if (event.kind !== 'item') continue;
    items++;
    comments += event.item.comments.length;
    if (items % 2_000 === 0) peak = Math.max(peak, retainedHeap());
  }
  expect(items).toBe(20_000);
  expect(comments).toBe(20_000);
  // Tens of megabytes went through; the heap kept about one item's worth, plus the parser.
  expect(bytes).toBeGreaterThan(30 * 1024 * 1024);
  expect(peak - before).toBeLessThan(8 * 1024 * 1024);
}, 60_000);
