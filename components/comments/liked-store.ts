/**
 * The comments this browser has liked, remembered in its own storage (never sent anywhere), so that a
 * reload shows their Like buttons pressed. The server keeps the real record (one like per browser and
 * comment, db/likes.ts) and still answers a second like with "already"; this is only what the page shows.
 */
const KEY = 'broadsheet:liked';
const LIMIT = 500;
const CHANGED = 'broadsheet:liked-changed';

let cache: { raw: string | null; ids: Set<number> } = { raw: null, ids: new Set() };

function read(): Set<number> {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(KEY);
  } catch {
    return cache.ids; // storage switched off: remember nothing
  }
  if (raw === cache.raw) return cache.ids;
  let ids: number[] = [];
  try {
    const parsed: unknown = JSON.parse(raw ?? '[]');
    if (Array.isArray(parsed)) ids = parsed.filter((id): id is number => Number.isSafeInteger(id) && id > 0);
  } catch {
    // Not JSON (another script's value): remember nothing.
  }
  cache = { raw, ids: new Set(ids) };
  return cache.ids;
}

export function subscribeLiked(onChange: () => void) {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

export function likedBefore(commentId: number): boolean {
  return read().has(commentId);
}

export function rememberLiked(commentId: number) {
  const ids = read();
  if (ids.has(commentId)) return;
  try {
    window.localStorage.setItem(KEY, JSON.stringify([...ids, commentId].slice(-LIMIT)));
  } catch {
    return;
  }
  window.dispatchEvent(new Event(CHANGED));
}
