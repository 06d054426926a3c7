import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createRenderLimit } from './render-limit';

function fakeResponse() {
  const emitter = new EventEmitter() as EventEmitter & { writableEnded: boolean; destroyed: boolean };
  emitter.writableEnded = false;
  emitter.destroyed = false;
  return emitter as unknown as ServerResponse & EventEmitter;
}

const tick = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('createRenderLimit', () => {
  it('starts at most N at once, and the next in line when one finishes', async () => {
    const limit = createRenderLimit(2);
    const started: number[] = [];
    const responses = [0, 1, 2, 3].map(() => fakeResponse());
    responses.forEach((response, i) => limit(response, () => started.push(i)));
    await tick();
    expect(started).toEqual([0, 1]);
    responses[1]!.emit('close');
    await tick();
    expect(started).toEqual([0, 1, 2]);
    responses[0]!.emit('close');
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('skips a request whose connection closed while it waited, without holding a place', async () => {
    const limit = createRenderLimit(1);
    const started: string[] = [];
    const first = fakeResponse();
    const gone = fakeResponse();
    const last = fakeResponse();
    limit(first, () => started.push('first'));
    limit(gone, () => started.push('gone'));
    limit(last, () => started.push('last'));
    await tick();
    gone.destroyed = true;
    first.emit('close');
    await tick();
    expect(started).toEqual(['first', 'last']);
  });
});
