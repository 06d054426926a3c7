import type { ServerResponse } from 'node:http';
import pLimit from 'p-limit';

/**
 * At most `concurrency` responses of a kind in the making at once; the rest wait their turn, first
 * come first served.
 *
 * Search renders per request (its results are cached, its page is not: README "How pages are
 * cached"). Fifty readers searching at once had fifty renders in flight on two cores: no faster
 * than eight at a time, but each holding its memory for the whole 400 ms, which took the server's
 * RSS up 40 MB, past its 250 MB budget (bench). A waiting request holds almost nothing.
 * Per process, and nothing is lost with it: each server limits its own renders.
 */
export function createRenderLimit(concurrency: number) {
  const limit = pLimit(concurrency);
  /** Calls `start` when a place is free; the place is given back when the response is finished or its connection closes. */
  return (response: ServerResponse, start: () => void): void => {
    void limit(
      () =>
        new Promise<void>((release) => {
          // Gone while it waited (the reader closed the tab): give the place on at once.
          if (response.writableEnded || response.destroyed || response.socket?.destroyed) return release();
          response.once('close', release);
          start();
        }),
    );
  };
}
