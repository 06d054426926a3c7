'use client';

import { useEffect } from 'react';
import { forgetOwnView } from './forget-actions';

/**
 * Rendered by a story's per-reader view when nothing of the reader's is left on it: asks the server,
 * once, to drop the marker that routes this story past the shared cache (forget-actions.ts). Without
 * JavaScript the marker stays until it expires, and the view keeps showing the same page.
 */
export function ForgetOwnView({ articleId }: { articleId: number }) {
  useEffect(() => {
    // A failure leaves the marker, and the view, as they were: the next visit asks again.
    forgetOwnView(articleId).catch(() => undefined);
  }, [articleId]);
  return null;
}
