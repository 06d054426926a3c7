import { isStorageError } from '@/lib/storage-errors';

/**
 * A route handler that answers 503, with Retry-After and a plain sentence, when the database is out
 * of reach (PostgreSQL restarting, SQLite's file unreadable), as pages say it with app/error.tsx,
 * rather than Next's bare 500. A feed reader or a mailbox provider's one-click unsubscribe comes back
 * later on a 503. Any other error is thrown on, as before.
 */
export function answeredWhenStorageFails<Args extends unknown[]>(where: string, handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isStorageError(error)) throw error;
      console.error(`[${where}] the database is out of reach: ${(error as Error).message}`);
      return storageUnavailableResponse();
    }
  };
}

export function storageUnavailableResponse(): Response {
  return new Response('The site cannot reach its database just now. Nothing was changed; please try again in a minute.\n', {
    status: 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store', 'Retry-After': '30' },
  });
}
